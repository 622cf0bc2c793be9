/**
 * Bad attributes: every attribute a host sets on an element, given values it must survive
 * (empty, huge, unknown, hostile), and a `user` property that is not a user. Each case ends in a
 * visible message or a sane default, never in a request with bad data, an uncaught error or a
 * console error. The cases are data (bad-input-cases.ts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@jt-users/elements/define';
import { en, type JtElement, type JtErrorEvent } from '@jt-users/elements';
import type { UsersClient } from '@jt-users/sdk';
import { UserIdSchema, UserQuerySchema, type User } from '@jt-users/sdk/schemas';
import { demoUserIds } from '@jt-users/reference-api/browser';
import {
  ATTRIBUTE_CASES,
  CURRENT_USER_TAGS,
  USER_PROPERTY_CASES,
  USER_PROPERTY_TAGS,
  type AttributeCase,
} from './bad-input-cases.js';
import { recordingClient, referenceApi, shadow, someMember } from '../elements/support.js';

/** A request is bad data when its path holds an id outside the contract or its query does not fit. */
function badRequest(url: URL): boolean {
  const path = url.pathname.slice(url.pathname.indexOf('/v1/'));
  const id = /^\/v1\/users\/([^/]+)/.exec(path)?.[1];
  if (id !== undefined && !UserIdSchema.safeParse(decodeURIComponent(id)).success) return true;
  if (path === '/v1/users') return !UserQuerySchema.safeParse(Object.fromEntries(url.searchParams)).success;
  return false;
}

/** What a case leaves behind: every request the page sent, errors, console errors. */
interface Observed {
  requests: URL[];
  errors: string[];
}

/** Records the page's requests (the elements' cookie clients use the global fetch) and failures. */
function observe(): { observed: Observed; stop: () => void } {
  const observed: Observed = { requests: [], errors: [] };
  const originalFetch = window.fetch.bind(window);
  const originalConsoleError = console.error.bind(console);
  window.fetch = (input, init) => {
    observed.requests.push(new URL(new Request(input, init).url));
    return originalFetch(input, init);
  };
  console.error = (...args: unknown[]) =>
    observed.errors.push(`console.error: ${args.map(String).join(' ')}`);
  const onError = (event: ErrorEvent) => observed.errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    observed.errors.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    observed,
    stop: () => {
      window.fetch = originalFetch;
      console.error = originalConsoleError;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The text a person sees in the element: its shadow tree's text, through nested elements. */
function visibleText(element: Element): string {
  const root = shadow(element);
  const nested = [...root.querySelectorAll('*')]
    .filter((child) => child.shadowRoot)
    .map((child) => visibleText(child));
  return [root.textContent ?? '', ...nested].join(' ').replace(/\s+/g, ' ').trim();
}

/** Still waiting for something: the loading notice, or no content yet. */
function busy(element: Element): boolean {
  const root = element.shadowRoot;
  return !root || root.querySelector('[part~="loading"]') !== null || visibleText(element) === '';
}

/** The sentence each element shows when it works: proof that the default took over. */
function workingText(tag: AttributeCase['tag'], user: User): string {
  switch (tag) {
    case 'jt-user-table':
      return en.tableCaption;
    case 'jt-user-profile':
      return user.name;
    case 'jt-user-status-toggle':
      return en.status(user.status);
  }
}

/** Messages an element shows instead of working. */
const MESSAGES = [en.notConfigured, en.profileNotFound, en.profileNoUser, en.userLoadError];

/** A case's name: long values shortened. */
function label({ tag, attribute, value, expect: outcome }: AttributeCase): string {
  const shown = value.length > 24 ? `${value.slice(0, 12)}… (${value.length} characters)` : value;
  return `<${tag} ${attribute}="${shown}"> → ${outcome === 'message' ? 'a message' : 'the default'}`;
}

describe('bad attributes', function () {
  this.timeout(20_000);

  for (const testCase of ATTRIBUTE_CASES) {
    it(label(testCase), async () => {
      const api = await referenceApi();
      const member = someMember(api);
      const { client } = recordingClient();
      const { observed, stop } = observe();
      try {
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        const element = document.createElement(testCase.tag) as JtElement & { userId?: string };
        // `api-base` only counts without a client: those cases get none.
        if (testCase.attribute !== 'api-base') element.client = client;
        if (testCase.tag !== 'jt-user-table' && testCase.attribute !== 'user-id')
          element.setAttribute('user-id', member.id);
        element.setAttribute(testCase.attribute, testCase.value);
        host.append(element);
        await waitUntil(() => !busy(element), `<${testCase.tag}> never finished loading`, { timeout: 5000 });
        await element.updateComplete;
        const text = visibleText(element);

        if (testCase.expect === 'message') {
          expect(
            MESSAGES.some((message) => text.includes(message)),
            `no message on screen; it shows: ${text.slice(0, 200)}`,
          ).to.equal(true);
        } else {
          expect(text, 'the element did not work with its default').to.contain(
            workingText(testCase.tag, member),
          );
        }
        expect(observed.requests.filter(badRequest).map(String), 'requests with bad data').to.deep.equal([]);
        for (const [name, value] of Object.entries(testCase.query ?? {})) {
          const lists = observed.requests.filter((url) => url.pathname.endsWith('/v1/users'));
          const asked = [...new Set(lists.map((url) => url.searchParams.get(name)))];
          expect(asked, `every list request's ${name}`).to.deep.equal([value]);
        }
        expect(observed.errors).to.deep.equal([]);
      } finally {
        stop();
      }
    });
  }
});

/** An element of `tag` with `client`, set up by `setUp`, then put on a page that records its `jt-error`s. */
async function mountRecordingErrors<Tag extends (typeof CURRENT_USER_TAGS)[number]>(
  tag: Tag,
  client: UsersClient,
  setUp: (element: HTMLElementTagNameMap[Tag]) => void,
): Promise<{ host: HTMLDivElement; element: HTMLElementTagNameMap[Tag]; errors: JtErrorEvent[] }> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const errors: JtErrorEvent[] = [];
  host.addEventListener('jt-error', (event) => errors.push(event));
  const element = document.createElement(tag);
  element.client = client;
  setUp(element);
  host.append(element);
  return { host, element, errors };
}

/** Where a `jt-error` says a given user is wrong: `user.status`, or `user` for the value itself. */
const place = (property: string, field: string): string => (field ? `${property}.${field}` : property);

describe('bad user property', function () {
  this.timeout(20_000);

  for (const tag of USER_PROPERTY_TAGS) {
    for (const testCase of USER_PROPERTY_CASES) {
      const named = place('user', testCase.field);
      it(`<${tag}> given ${testCase.name} → a message, a jt-error naming ${named}`, async () => {
        const api = await referenceApi();
        const member = someMember(api);
        const { client, sent } = recordingClient();
        const { observed, stop } = observe();
        try {
          const { host, element, errors } = await mountRecordingErrors(tag, client, (created) => {
            created.user = testCase.make(member) as User;
          });
          await waitUntil(() => visibleText(element).includes(en.userInvalid), 'no message', {
            timeout: 5000,
          });

          // Nothing of it is offered for a change, and nothing about that user is asked of the server.
          expect(shadow(element).querySelector('button, input, [role="switch"]')).to.equal(null);
          expect(sent.filter((request) => request !== 'GET /v1/me')).to.deep.equal([]);
          expect(errors.map(({ error, operation }) => [error.code, operation])).to.deep.equal([
            ['invalid_argument', 'load'],
          ]);
          expect(errors[0]!.error.message).to.contain(` at ${named}: `);

          // The bad copy reached no other element of the client: one loading that user shows the server's.
          const loaded = document.createElement('jt-user-status-toggle');
          loaded.client = client;
          loaded.userId = member.id;
          host.append(loaded);
          await waitUntil(() => !busy(loaded), 'the loaded toggle never finished loading', { timeout: 5000 });
          expect(visibleText(loaded)).to.contain(en.status(member.status));

          // Given a user, it works: nothing was lost.
          element.user = member;
          await element.updateComplete;
          expect(visibleText(element)).to.contain(workingText(tag, member));
          expect(errors, 'one jt-error for the bad value only').to.have.length(1);
          expect(observed.errors).to.deep.equal([]);
        } finally {
          stop();
        }
      });
    }
  }
});

describe('bad currentUser property', function () {
  this.timeout(20_000);

  for (const tag of CURRENT_USER_TAGS) {
    for (const testCase of USER_PROPERTY_CASES) {
      const named = place('currentUser', testCase.field);
      it(`<${tag}> given ${testCase.name} → asks the server, a jt-error naming ${named}`, async () => {
        const api = await referenceApi();
        const member = someMember(api);
        const admin = api.store.all().find((user) => user.id === demoUserIds.admin)!;
        const { client, sent } = recordingClient();
        const { observed, stop } = observe();
        try {
          const { element, errors } = await mountRecordingErrors(tag, client, (created) => {
            created.currentUser = testCase.make(admin) as User;
            if (tag !== 'jt-user-table') created.setAttribute('user-id', member.id);
          });
          await waitUntil(() => !busy(element), `<${tag}> never finished loading`, { timeout: 5000 });
          await element.updateComplete;

          // The signed-in user came from the server instead, and the element works for them.
          expect(sent).to.include('GET /v1/me');
          expect(visibleText(element)).to.contain(workingText(tag, member));
          expect(errors.map(({ error, operation }) => [error.code, operation])).to.deep.equal([
            ['invalid_argument', 'current-user'],
          ]);
          expect(errors[0]!.error.message).to.contain(` at ${named}: `);
          expect(observed.errors).to.deep.equal([]);
        } finally {
          stop();
        }
      });
    }
  }
});

describe('a bad user given again', function () {
  this.timeout(20_000);

  it('is reported once per mistake, however often a host passes it anew', async () => {
    const api = await referenceApi();
    const member = someMember(api);
    const { client } = recordingClient();
    const badStatus = () => ({ ...member, status: 'enabled' });
    const { element, errors } = await mountRecordingErrors('jt-user-profile', client, (created) => {
      created.user = badStatus() as unknown as User;
    });
    const giveAndWait = async (value: unknown) => {
      element.user = value as User;
      await element.updateComplete;
    };
    await element.updateComplete;
    // A framework's re-renders: a new object, the same mistake.
    for (let render = 0; render < 3; render++) await giveAndWait(badStatus());
    expect(errors.map(({ error }) => error.message)).to.deep.equal([
      'Invalid argument at user.status: expected one of "active", "inactive"',
    ]);
    // Another mistake is news; after a usable user, so is the first one again.
    await giveAndWait({ ...member, role: 'owner' });
    await giveAndWait(member);
    await giveAndWait(badStatus());
    expect(errors.map(({ error }) => error.message.replace(/:.*/, ''))).to.deep.equal([
      'Invalid argument at user.status',
      'Invalid argument at user.role',
      'Invalid argument at user.status',
    ]);
  });

  it('takes a usable user that a jt-error listener sets in its place', async () => {
    const api = await referenceApi();
    const member = someMember(api);
    const { client } = recordingClient();
    const { element, errors } = await mountRecordingErrors('jt-user-profile', client, (created) => {
      created.user = { ...member, name: 7 } as unknown as User;
      created.addEventListener('jt-error', () => (created.user = member));
    });
    await waitUntil(() => visibleText(element).includes(member.name), 'the usable user never showed', {
      timeout: 5000,
    });
    expect(visibleText(element)).not.to.contain(en.userInvalid);
    expect(errors).to.have.length(1);
  });
});
