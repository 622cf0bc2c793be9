/**
 * Compiles the zod schemas into `src/contract.ts`: the JSON Schemas the client checks answers and
 * arguments against at run time, so the zod schemas stay the one source of truth while browsers
 * are spared the schema library.
 */
import { format, resolveConfig } from 'prettier';
import * as z from 'zod/mini';
import {
  USER_ROLES,
  USER_SORT_ORDERS,
  USER_STATUSES,
  CursorSchema,
  ProblemSchema,
  TimestampSchema,
  UserIdSchema,
  UserPageSchema,
  UserQuerySchema,
  UserRoleSchema,
  UserSchema,
  UserStatusSchema,
} from '@jt-users/sdk/schemas';

export const CONTRACT_MODULE_PATH = new URL('../src/contract.ts', import.meta.url);

/**
 * Each compiled schema: its exported name, the type it stands for, and the zod schema. A schema
 * inside a later one is written as a reference to the earlier constant, not repeated.
 */
const COMPILED: readonly [name: string, type: string, schema: z.ZodMiniType][] = [
  ['TimestampJson', 'string', TimestampSchema],
  ['UserIdJson', 'string', UserIdSchema],
  ['UserStatusJson', 'UserStatus', UserStatusSchema],
  ['UserRoleJson', 'UserRole', UserRoleSchema],
  ['CursorJson', 'string', CursorSchema],
  ['UserJson', 'User', UserSchema],
  ['UserPageJson', 'UserPage', UserPageSchema],
  ['ProblemJson', 'Problem', ProblemSchema],
  ['UserQueryJson', 'UserQuery', UserQuerySchema],
];

/** Lists of the contract that `constants.ts` already holds: the schemas name them instead. */
const CONSTANTS: Readonly<Record<string, readonly string[]>> = {
  USER_STATUSES,
  USER_ROLES,
  USER_SORT_ORDERS,
};

/** The keywords `json-schema.ts` checks; a schema that needs another fails the build, not a check. */
const CHECKED_KEYWORDS = new Set([
  'type',
  'enum',
  'anyOf',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
]);

function assertCheckable(schema: unknown, where: string): void {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [keyword, value] of Object.entries(schema)) {
    if (!CHECKED_KEYWORDS.has(keyword))
      throw new Error(`${where} uses "${keyword}", which the client does not check`);
    const children = keyword === 'properties' ? Object.values(value as object) : [value].flat();
    for (const child of children) assertCheckable(child, `${where}.${keyword}`);
  }
}

/**
 * The JSON Schema of what `schema` accepts. Input mode: an object schema that zod lets carry
 * unknown keys does not forbid them, and the query's limit is the number a caller passes.
 */
function compile(schema: z.ZodMiniType): object {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  assertCheckable(rest, 'schema');
  return JSON.parse(JSON.stringify(rest), simplify) as object;
}

/**
 * A JSON.parse reviver that leaves out what `json-schema.ts` checks without being told:
 * - zod writes its integers' safe range out as bounds, and an `integer` is read as a safe
 *   integer already;
 * - zod writes a `date-time` as a pattern that spells out every month's days and the leap years;
 *   the checker knows the format, and checks it in far fewer bytes.
 */
function simplify(_key: string, value: unknown): unknown {
  const node = value as { format?: unknown; pattern?: unknown } | null;
  if (node?.format === 'date-time') {
    // The checker knows one date-time: zod's with an offset. Another (UTC only, a fixed
    // precision) must not lose its pattern silently.
    if (node.pattern !== CHECKED_DATE_TIME_PATTERN)
      throw new Error(`A date-time other than z.iso.datetime({ offset: true }): ${String(node.pattern)}`);
    delete node.pattern;
  }
  return withoutSafeIntegerBounds(_key, value);
}

/** The pattern zod writes for the one date-time `json-schema.ts` checks by its format. */
const CHECKED_DATE_TIME_PATTERN = (z.toJSONSchema(z.iso.datetime({ offset: true })) as { pattern?: string })
  .pattern;

/** Integer bounds that say no more than "a safe integer", left out. */
function withoutSafeIntegerBounds(_key: string, value: unknown): unknown {
  const node = value as { type?: unknown; minimum?: unknown; maximum?: unknown } | null;
  if (node?.type === 'integer') {
    if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
    if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  }
  return value;
}

/** `value` as a JavaScript expression, with every part equal to an earlier schema written as its name. */
function emit(value: unknown, earlier: ReadonlyMap<string, string>, isRoot = false): string {
  const json = JSON.stringify(value);
  const name = isRoot ? undefined : earlier.get(json);
  if (name) return name;
  if (Array.isArray(value)) return `[${value.map((item) => emit(item, earlier)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    // Patterns become RegExp literals: compiled once, where they are written.
    const entries = Object.entries(value).map(
      ([key, item]) =>
        `${JSON.stringify(key)}:${key === 'pattern' ? String(new RegExp(item as string)) : emit(item, earlier)}`,
    );
    return `{${entries.join(',')}}`;
  }
  return json;
}

function declarations(): string[] {
  const earlier = new Map(Object.entries(CONSTANTS).map(([name, list]) => [JSON.stringify(list), name]));
  return COMPILED.map(([name, type, schema]) => {
    const compiled = compile(schema);
    const declaration = `export const ${name}: Schema<${type}> = ${emit(compiled, earlier, true)};\n`;
    earlier.set(JSON.stringify(compiled), name);
    return declaration;
  });
}

/** The module's text, formatted as the repository formats TypeScript. */
export async function renderContractModule(): Promise<string> {
  const types = [...new Set(COMPILED.map(([, type]) => type).filter((type) => type !== 'string'))].sort();
  const text = [
    '/**',
    ' * The contract as JSON Schemas, compiled from the zod schemas in `schemas.ts` by',
    ' * `npm run contract`. Do not edit: a test fails when this file and the schemas disagree.',
    ' *',
    ' * @module',
    ' */',
    `import { ${Object.keys(CONSTANTS).sort().join(', ')} } from './constants.js';`,
    "import type { Schema } from './json-schema.js';",
    `import type { ${types.join(', ')} } from './schemas.js';`,
    '',
    ...declarations(),
  ].join('\n');
  const config = await resolveConfig(CONTRACT_MODULE_PATH.pathname);
  return format(text, { ...config, parser: 'typescript' });
}
