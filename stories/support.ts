/**
 * What the stories share: a reference API for each story (fresh data and faults on every render),
 * msw handlers answering from it, a client signed in as the story says, and small helpers for
 * play functions that look into the elements' shadow roots.
 */
import { createUsersClient, type User, type UserRole, type UsersClient } from '@jt-users/sdk';
import {
  createHandlers,
  createReferenceApi,
  demoTokens,
  demoUserIds,
  type FaultMatch,
  type ReferenceApi,
} from '@jt-users/reference-api';
import type { RequestHandler } from 'msw';
import { waitFor } from 'storybook/test';

/** How a story's reference API starts. */
export interface BackendOptions {
  /** Whose demo token the client sends. Default: `admin`. */
  signedInAs?: UserRole;
  /** Users to start from instead of the generated seed (they must include the signed-in demo user). */
  users?: readonly User[];
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Puts faults in place before each render, e.g. `(api) => api.faults.hangNext(EVERY_REQUEST)`. */
  arrange?: (api: ReferenceApi) => void;
}

/** The reference API of one render, and the client the story's elements talk to it with. */
export interface ConnectedBackend {
  api: ReferenceApi;
  client: UsersClient;
}

/**
 * One story's own reference API. The preview's loader calls {@link StoryBackend.connect} before
 * every render, so a story always starts from the same data and faults, whatever was clicked in
 * it before, and never sees what another story changed.
 */
export class StoryBackend {
  readonly api: ReferenceApi;
  /** msw handlers answering every `/v1/` request from {@link StoryBackend.api}. */
  readonly handlers: RequestHandler[];
  readonly #options: BackendOptions;

  constructor(options: BackendOptions = {}) {
    this.#options = options;
    this.api = createReferenceApi({ users: options.users, latencyMs: options.latencyMs });
    this.handlers = createHandlers(this.api);
  }

  /** Back to the story's starting point, with a new client (so a new, empty cache of users). */
  connect(): ConnectedBackend {
    // reset() also ends requests still hanging from the previous render.
    this.api.reset();
    this.#options.arrange?.(this.api);
    const token = demoTokens[this.#options.signedInAs ?? 'admin'];
    return { api: this.api, client: createUsersClient({ baseUrl: '/api', getToken: () => token }) };
  }
}

/**
 * The `parameters` that give a story its own reference API: the handlers for msw-storybook-addon
 * (`msw`) and the backend the preview's loader connects (`backend`).
 *
 * @example
 * export const Loading: Story = {
 *   parameters: backend({ arrange: (api) => api.faults.hangNext(EVERY_REQUEST, { match: readsUsers }) }),
 * };
 */
export function backend(options: BackendOptions = {}): { msw: RequestHandler[]; backend: StoryBackend } {
  const story = new StoryBackend(options);
  return { msw: story.handlers, backend: story };
}

/** The connected backend of the render, from the loader's result in the story context. */
export function connected(context: { loaded: Record<string, unknown> }): ConnectedBackend {
  const value = context.loaded.backend;
  if (!isConnectedBackend(value)) {
    throw new Error('This story has no backend: give it `parameters: backend(...)`.');
  }
  return value;
}

function isConnectedBackend(value: unknown): value is ConnectedBackend {
  return typeof value === 'object' && value !== null && 'api' in value && 'client' in value;
}

/**
 * A fault count that never runs out: every matching request fails or hangs, the SDK's retries and
 * "Retry" included (one hanging attempt would time out and be retried, and the story move on).
 */
export const EVERY_REQUEST = Number.MAX_SAFE_INTEGER;

/** Requests that list users or load one user (not `GET /v1/me`). */
export const readsUsers: FaultMatch = { method: 'GET', path: '/v1/users' };

/** Requests that change a user's status or role. */
export const changesUsers: FaultMatch = { method: 'PUT' };

/** How long a play function waits for a state: loading through retries can take a second or two. */
const STATE_TIMEOUT_MS = 5000;

/** The first element matching `selector` inside `host`'s shadow root, once it is there. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): Promise<T> {
  return waitFor(
    () => {
      const found = host.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`<${host.localName}> shows no ${selector}`);
      return found;
    },
    { timeout: STATE_TIMEOUT_MS },
  );
}

/** The element `host` (a custom element in the story) once it is defined and rendered. */
export async function storyElement<K extends keyof HTMLElementTagNameMap>(
  canvas: HTMLElement,
  tag: K,
): Promise<HTMLElementTagNameMap[K]> {
  await customElements.whenDefined(tag);
  const element = canvas.querySelector(tag);
  if (!element) throw new Error(`The story renders no <${tag}>.`);
  return element;
}

/** The open `<dialog>` of the `<jt-confirm-dialog>` inside `host`, once it is open. */
export async function openDialog(host: Element): Promise<HTMLDialogElement> {
  const confirm = await inShadow(host, 'jt-confirm-dialog');
  return inShadow<HTMLDialogElement>(confirm, 'dialog[open]');
}

/** The confirm button of the open dialog inside `host`. */
export async function confirmButton(host: Element): Promise<HTMLButtonElement> {
  await openDialog(host);
  const confirm = await inShadow(host, 'jt-confirm-dialog');
  return inShadow<HTMLButtonElement>(confirm, '[part~="confirm-button"]');
}

/** A name long enough to show wrapping; `n` tells several such people apart. */
export function longName(n = 1): string {
  return `Maximiliane Alexandra Konstantinopoulou-Wolfeschlegelsteinhausenberger ${n}`;
}

/** A copy of `user` with {@link longName} and an email just as long. */
export function withLongName(user: User, n = 1): User {
  return {
    ...user,
    name: longName(n),
    email: `maximiliane.alexandra.konstantinopoulou-wolfeschlegelsteinhausenberger.${n}@subsidiary.example.com`,
  };
}

/** Another Admin, added by the stories of a refused change as the user they change. */
export const otherAdmin = {
  id: 'usr_grace',
  name: 'Grace Hopper',
  email: 'grace.hopper@example.com',
  role: 'admin',
} as const satisfies Partial<User>;

/**
 * Adds (or replaces) a user, based on the demo Member's record so every field is valid.
 *
 * @returns The stored user.
 */
export function putUser(api: ReferenceApi, user: Partial<User> & Pick<User, 'id'>): User {
  const base = api.store.get(demoUserIds.member);
  if (!base) throw new Error('The reference API has no demo Member to base a user on.');
  return api.store.upsert({ ...base, statusChangedAt: null, statusChangedBy: null, ...user });
}

/**
 * Makes the server turn the next change away for a minute (429 with `Retry-After: 60`), as a
 * busy server does. That is longer than the client waits, so the element rolls back at once
 * and says when to try again.
 */
export function refuseNextChange(api: ReferenceApi): void {
  api.faults.failNext(1, 429, { retryAfterSeconds: 60, match: changesUsers });
}
