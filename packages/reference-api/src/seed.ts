/**
 * Deterministic seed data: a plausible organization for the demo, stories and tests, and large
 * sets for benchmarks. Everything derives from a seeded generator and a fixed reference date, so
 * the same options always produce the same users, byte for byte.
 *
 * @module
 */
import type { User, UserRef, UserRole } from '@jt-users/sdk/schemas';
import { createRandom, type Random } from './prng.js';
import { demoUserIds } from './tokens.js';

/** The "now" of the seed: all seeded timestamps lie before it. */
export const SEED_REFERENCE_DATE = '2025-03-03T09:00:00.000Z';

/** Users in the default seed. */
export const DEFAULT_SEED_SIZE = 60;

/** The seed always holds the four demo users and a second active Admin. */
export const MIN_SEED_SIZE = 5;

/** Options of {@link createSeedUsers}. */
export interface SeedOptions {
  /** How many users in total, demo users included. Default {@link DEFAULT_SEED_SIZE}. */
  size?: number;
  /** Seed of the generator; another number gives another, equally plausible organization. */
  seed?: number;
}

const DEFAULT_RANDOM_SEED = 0x5eed_2025;
const DAY_MS = 86_400_000;
const REFERENCE_MS = Date.parse(SEED_REFERENCE_DATE);
/** The organization started about three years before the reference date. */
const ORGANIZATION_AGE_DAYS = 3 * 365;

const FIRST_NAMES = [
  'Amara',
  'Jonas',
  'Priya',
  'Lukas',
  'Sofia',
  'Mateo',
  'Hana',
  'Noah',
  'Zainab',
  'Felix',
  'Ingrid',
  'Kwame',
  'Lea',
  'Omar',
  'Chloé',
  'Tomasz',
  'Yuki',
  'Daniel',
  'Aisha',
  'Henrik',
  'Valentina',
  'Ravi',
  'Emma',
  'Jakob',
  'Nia',
  'Carlos',
  'Mira',
  'Oskar',
  'Leila',
  'Finn',
  'Beatriz',
  'Arjun',
  'Clara',
  'Malik',
  'Sanna',
  'Diego',
  'Ewa',
  'Tariq',
  'Greta',
  'Kenji',
  'Olivia',
  'Paul',
  'Rosa',
  'Samir',
  'Tessa',
  'Viktor',
  'Wen',
  'Zoë',
] as const;

const LAST_NAMES = [
  'Achterberg',
  'Banerjee',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hoffmann',
  'Ibrahim',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Müller',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Schneider',
  'Tanaka',
  'Umarov',
  'Virtanen',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Almeida',
  'Becker',
  'Chen',
  'Dimitrov',
  'Evans',
  'Fontaine',
  'Gupta',
  'Haddad',
  'Ivanova',
  'Johansson',
  'Keller',
  'López',
  'Mensah',
  'Novak',
  "O'Brien",
  'Patel',
  'Richter',
  'Silva',
  'Torres',
  'Vogel',
  'Wagner',
  'Zhang',
] as const;

const STAFF_DOMAIN = 'acme.example';
const PARTNER_DOMAINS = [
  'northpeak-consulting.example',
  'bluefin-agency.example',
  'orbit-analytics.example',
] as const;

/** Weighted roles of generated users: few Admins, many Members, like a real organization. */
const ROLE_WEIGHTS: ReadonlyArray<readonly [UserRole, number]> = [
  ['admin', 0.05],
  ['manager', 0.17],
  ['member', 0.6],
  ['external', 0.18],
];

const DEMO_USERS: ReadonlyArray<{ role: UserRole; name: string; email: string; createdDaysAgo: number }> = [
  { role: 'admin', name: 'Ada Lindqvist', email: `ada.lindqvist@${STAFF_DOMAIN}`, createdDaysAgo: 1050 },
  { role: 'manager', name: 'Marco Rossi', email: `marco.rossi@${STAFF_DOMAIN}`, createdDaysAgo: 820 },
  { role: 'member', name: 'Mei Chen', email: `mei.chen@${STAFF_DOMAIN}`, createdDaysAgo: 400 },
  {
    role: 'external',
    name: 'Elena Petrova',
    email: `elena.petrova@${PARTNER_DOMAINS[0]}`,
    createdDaysAgo: 120,
  },
];

/**
 * Creates the seed users: the four demo accounts (ids in {@link demoUserIds}, all active), then
 * generated users, the first of which is always an active Admin so that the organization has two.
 *
 * @throws RangeError when `size` is not an integer of at least {@link MIN_SEED_SIZE}.
 */
export function createSeedUsers(options: SeedOptions = {}): User[] {
  const size = options.size ?? DEFAULT_SEED_SIZE;
  if (!Number.isInteger(size) || size < MIN_SEED_SIZE) {
    throw new RangeError(`size must be an integer of at least ${MIN_SEED_SIZE}, got ${size}`);
  }
  const random = createRandom(options.seed ?? DEFAULT_RANDOM_SEED);
  const emails = new EmailBook();
  const users: User[] = [];

  for (const demo of DEMO_USERS) {
    emails.reserve(demo.email);
    const createdMs = REFERENCE_MS - demo.createdDaysAgo * DAY_MS;
    users.push({
      id: demoUserIds[demo.role],
      name: demo.name,
      email: demo.email,
      role: demo.role,
      status: 'active',
      createdAt: iso(createdMs),
      lastLoginAt: iso(REFERENCE_MS - random.int(1, 48) * 3_600_000),
      statusChangedAt: null,
      statusChangedBy: null,
    });
  }

  const firstAdmin = users[0] as User;
  const admins: UserRef[] = [{ id: firstAdmin.id, name: firstAdmin.name }];
  const digits = String(size).length;
  for (let index = 0; index < size - DEMO_USERS.length; index++) {
    const user = generateUser(
      random,
      emails,
      admins,
      `usr_${String(index + 1).padStart(digits, '0')}`,
      index === 0,
    );
    users.push(user);
    // Later users may have been deactivated by any Admin that existed before them.
    if (user.role === 'admin' && user.status === 'active' && admins.length < 8)
      admins.push({ id: user.id, name: user.name });
  }
  return users;
}

function generateUser(
  random: Random,
  emails: EmailBook,
  admins: readonly UserRef[],
  id: string,
  forceActiveAdmin: boolean,
): User {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const role = forceActiveAdmin ? 'admin' : pickRole(random);
  const domain = role === 'external' ? random.pick(PARTNER_DOMAINS) : STAFF_DOMAIN;
  const email = emails.claim(`${emailPart(first)}.${emailPart(last)}`, domain);

  const createdMs = REFERENCE_MS - random.int(1, ORGANIZATION_AGE_DAYS) * DAY_MS - random.int(0, DAY_MS - 1);
  // Externals come and go with projects, so more of them are inactive.
  const inactive = !forceActiveAdmin && random.chance(role === 'external' ? 0.3 : 0.12);
  const neverLoggedIn = random.chance(inactive ? 0.05 : 0.08);
  const lastLoginMs = neverLoggedIn ? null : between(random, createdMs, REFERENCE_MS);

  // Inactive users were deactivated after their last login; some active ones were re-activated.
  let statusChangedMs: number | null = null;
  if (inactive) statusChangedMs = between(random, lastLoginMs ?? createdMs, REFERENCE_MS);
  else if (random.chance(0.06)) statusChangedMs = between(random, createdMs, REFERENCE_MS);

  return {
    id,
    name: `${first} ${last}`,
    email,
    role,
    status: inactive ? 'inactive' : 'active',
    createdAt: iso(createdMs),
    lastLoginAt: lastLoginMs === null ? null : iso(lastLoginMs),
    statusChangedAt: statusChangedMs === null ? null : iso(statusChangedMs),
    statusChangedBy: statusChangedMs === null ? null : { ...random.pick(admins) },
  };
}

function pickRole(random: Random): UserRole {
  let roll = random.next();
  for (const [role, weight] of ROLE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return role;
  }
  return 'member';
}

/** A time in [from, to], at least a minute after `from`, never after `to`. */
function between(random: Random, fromMs: number, toMs: number): number {
  return Math.min(toMs, fromMs + 60_000 + Math.floor(random.next() * Math.max(0, toMs - fromMs - 60_000)));
}

const isoDays = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, several times faster: the date part is computed once per day,
 * which matters when seeding 100 000 users for a benchmark.
 */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = isoDays.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 11);
    isoDays.set(day, date);
  }
  const inDay = ms - day * DAY_MS;
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor(inDay / 60_000) % 60;
  const seconds = Math.floor(inDay / 1000) % 60;
  const millis = inDay % 1000;
  return `${date}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}Z`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

const emailParts = new Map<string, string>();

/** Lower-case ASCII for the local part of an address: "Chloé" → "chloe", "O'Brien" → "obrien". */
function emailPart(name: string): string {
  let part = emailParts.get(name);
  if (part === undefined) {
    part = name
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
    emailParts.set(name, part);
  }
  return part;
}

/**
 * Hands out unique addresses: the second "emma.weber" becomes "emma.weber2". Local parts are
 * letters only, so a numbered address can never equal another name's address; only the reserved
 * (demo) addresses need checking.
 */
class EmailBook {
  readonly #reserved = new Set<string>();
  readonly #counts = new Map<string, number>();

  reserve(email: string): void {
    this.#reserved.add(email);
  }

  claim(local: string, domain: string): string {
    const count = (this.#counts.get(local) ?? 0) + 1;
    this.#counts.set(local, count);
    const email = `${local}${count === 1 ? '' : count}@${domain}`;
    return this.#reserved.has(email) ? this.claim(local, domain) : email;
  }
}
