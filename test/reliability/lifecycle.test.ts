/**
 * Lifecycle: elements removed while a request runs, while the SDK waits to retry, and while
 * their confirm dialog is open. Nothing is shown or fired for it, nothing reaches the console,
 * the request is aborted, and the removed element listens to nothing any more.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '@jt-users/elements/define';
import {
  setStrings,
  type JtConfirmDialog,
  type JtElement,
  type JtUserProfile,
  type JtUserTable,
} from '@jt-users/elements';
import type { RetryOptions } from '@jt-users/sdk';
import type { User } from '@jt-users/sdk/schemas';
import type { ReferenceApi } from '@jt-users/reference-api/browser';
import { inShadow, tableRows } from './flows.js';
import {
  acceptSecretToken,
  alertTexts,
  eventually,
  referenceApi,
  settle,
  someMember,
  watchPage,
  watchedClient,
  type PageWatch,
  type RecordedRequest,
  type WatchedClient,
} from './support.js';

interface Setup {
  api: ReferenceApi;
  watched: WatchedClient;
  member: User;
}

async function setup(retry?: RetryOptions): Promise<Setup> {
  const api = await referenceApi();
  acceptSecretToken(api);
  return { api, watched: watchedClient(retry ? { retry } : {}), member: someMember(api) };
}

type Mount = (setup: Setup) => Promise<JtElement>;

const mounts: Record<
  'table' | 'profile' | 'toggle',
  { tag: string; mount: Mount; path: (member: User) => string }
> = {
  table: {
    tag: 'jt-user-table',
    mount: ({ watched }) =>
      fixture<JtUserTable>(html`<jt-user-table .client=${watched.client}></jt-user-table>`),
    path: () => '/v1/users',
  },
  profile: {
    tag: 'jt-user-profile',
    mount: ({ watched, member }) =>
      fixture<JtUserProfile>(
        html`<jt-user-profile .client=${watched.client} user-id=${member.id}></jt-user-profile>`,
      ),
    path: (member) => `/v1/users/${member.id}`,
  },
  toggle: {
    tag: 'jt-user-status-toggle',
    mount: ({ watched, member }) =>
      fixture(
        html`<jt-user-status-toggle .client=${watched.client} user-id=${member.id}></jt-user-status-toggle>`,
      ),
    path: (member) => `/v1/users/${member.id}`,
  },
};

/**
 * Whether a removed element still reacts to the store or to language changes: it would if it
 * had left a listener behind. Counts its updates while both are poked.
 */
async function updatesAfterRemoval(element: JtElement, { member }: Setup): Promise<number> {
  let updates = 0;
  element.addController({ hostUpdate: () => updates++ });
  element.store?.put({ ...(element.store.get(member.id) ?? member), name: 'Changed elsewhere' });
  setStrings('en', {});
  document.documentElement.setAttribute('lang', 'en');
  await settle();
  document.documentElement.removeAttribute('lang');
  await settle();
  return updates;
}

async function assertQuietAfterRemoval(watch: PageWatch, element: JtElement, context: Setup): Promise<void> {
  await settle();
  expect(watch.errors, 'no jt-error').to.deep.equal([]);
  expect(alertTexts(element), 'no message in the removed element').to.deep.equal([]);
  expect(watch.unhandled, 'no unhandled rejection').to.deep.equal([]);
  expect(watch.consoleErrors, 'no console error').to.deep.equal([]);
  expect(await updatesAfterRemoval(element, context), 'no listener left behind').to.equal(0);
}

const gets = (watched: WatchedClient, path: string): RecordedRequest[] =>
  watched.sent('GET').filter((request) => request.path === path);

describe('lifecycle: removed elements abort their requests, report nothing and keep no listener', () => {
  let watch: PageWatch;
  beforeEach(() => (watch = watchPage()));
  afterEach(() => watch.stop());

  describe('removed while a request runs', () => {
    for (const { tag, mount, path } of Object.values(mounts)) {
      it(`<${tag}> aborts its load`, async () => {
        const context = await setup();
        const loadPath = path(context.member);
        context.api.faults.hangNext(1, { match: { method: 'GET', path: loadPath } });
        const element = await mount(context);
        await eventually(() => gets(context.watched, loadPath).length === 1, 'the load was not sent');

        element.remove();
        const [load] = gets(context.watched, loadPath);
        await eventually(() => load!.signal.aborted, 'the load was not aborted');
        await assertQuietAfterRemoval(watch, element, context);
      });
    }

    it('the table aborts a running search', async () => {
      const context = await setup();
      const table = await mounts.table.mount(context);
      await eventually(() => inShadow(table, '[part~="row"]'), 'the table did not load');
      context.api.faults.hangNext(1, { match: { method: 'GET', path: '/v1/users' } });
      (table as JtUserTable).search = context.member.name;
      await eventually(() => gets(context.watched, '/v1/users').length === 2, 'the search was not sent');

      table.remove();
      await eventually(
        () => gets(context.watched, '/v1/users')[1]!.signal.aborted,
        'the search was not aborted',
      );
      await assertQuietAfterRemoval(watch, table, context);
    });

    it('an element put back on the page loads again and shows the server’s users', async () => {
      const context = await setup();
      context.api.faults.hangNext(1, { match: { method: 'GET', path: '/v1/users' } });
      const table = (await mounts.table.mount(context)) as JtUserTable;
      await eventually(() => gets(context.watched, '/v1/users').length === 1, 'the load was not sent');
      const parent = table.parentElement!;
      table.remove();
      parent.append(table);
      await eventually(() => inShadow(table, '[part~="row"]'), 'the table did not load again');
      // Its first rows come a frame before the rest; updateComplete waits for them all.
      await table.updateComplete;
      const server = context.api.store
        .list({ sort: table.sort, limit: table.pageSize })
        .items.map((user) => user.id);
      expect(tableRows(table)).to.deep.equal(server);
      expect(watch.errors).to.deep.equal([]);
      expect(watch.consoleErrors).to.deep.equal([]);
    });
  });

  describe('removed while the SDK waits to retry', () => {
    // A backoff long enough that the element is surely removed while waiting; the wait is never timed.
    const retry: RetryOptions = { limit: 1, backoffMs: 1000, maxDelayMs: 1000 };

    for (const { tag, mount, path } of Object.values(mounts)) {
      it(`<${tag}>: the wait ends at once, and the retry is never sent`, async () => {
        const context = await setup(retry);
        const loadPath = path(context.member);
        context.api.faults.failNext(1, 503, { match: { method: 'GET', path: loadPath } });
        const element = await mount(context);
        await eventually(
          () => gets(context.watched, loadPath)[0]?.status === 503,
          'the first attempt did not fail',
        );

        element.remove();
        const [first] = gets(context.watched, loadPath);
        // The SDK's signal (which the first attempt's request follows) is aborted: the wait is over.
        await eventually(() => first!.signal.aborted, 'the retry wait was not aborted');
        await assertQuietAfterRemoval(watch, element, context);
        // Longer than any backoff of this client: a retry still waiting would have been sent by now.
        await new Promise((resolve) => setTimeout(resolve, retry.maxDelayMs! + 200));
        expect(gets(context.watched, loadPath), 'no retry after removal').to.have.length(1);
      });
    }
  });

  describe('removed with the confirm dialog open', () => {
    it('the table: the dialog settles as cancelled, nothing is sent, the page is not left modal', async () => {
      const context = await setup();
      const table = await fixture<JtUserTable>(
        html`<jt-user-table
          .client=${context.watched.client}
          .search=${context.member.email}
        ></jt-user-table>`,
      );
      await eventually(() => inShadow(table, '[part~="action-button"]'), 'the row did not show');
      inShadow(table, '[part~="action-button"]')!.click();
      const dialog = () => inShadow<JtConfirmDialog>(table, 'jt-confirm-dialog')!;
      await eventually(() => dialog().isOpen, 'the dialog did not open');
      const native = inShadow<HTMLDialogElement>(dialog(), 'dialog')!;
      expect(native.open).to.equal(true);

      table.remove();
      await settle();
      expect(dialog().isOpen).to.equal(false);
      expect(native.open, 'no modal dialog is left over the page').to.equal(false);
      expect(context.watched.sent('PUT'), 'nothing sent').to.deep.equal([]);
      expect(context.api.store.get(context.member.id)).to.deep.equal(context.member);
      await assertQuietAfterRemoval(watch, table, context);
    });

    it('the profile’s toggle: the same, inside the profile', async () => {
      const context = await setup();
      const profile = await mounts.profile.mount(context);
      const toggle = () => inShadow(profile, 'jt-user-status-toggle');
      await eventually(() => inShadow(toggle(), '[role="switch"]'), 'the switch did not show');
      inShadow(toggle(), '[role="switch"]')!.click();
      const dialog = inShadow<JtConfirmDialog>(toggle(), 'jt-confirm-dialog')!;
      await eventually(() => dialog.isOpen, 'the dialog did not open');

      profile.remove();
      await settle();
      expect(dialog.isOpen).to.equal(false);
      expect(inShadow<HTMLDialogElement>(dialog, 'dialog')!.open).to.equal(false);
      expect(context.watched.sent('PUT')).to.deep.equal([]);
      await assertQuietAfterRemoval(watch, profile, context);
    });
  });

  describe('removed after the change was confirmed', () => {
    it('the change is finished, not abandoned: aborting could not undo what the server may have done', async () => {
      const context = await setup();
      context.api.faults.latencyMs = 100;
      const table = await fixture<JtUserTable>(
        html`<jt-user-table
          .client=${context.watched.client}
          .search=${context.member.email}
        ></jt-user-table>`,
      );
      await eventually(() => inShadow(table, '[part~="action-button"]'), 'the row did not show');
      inShadow(table, '[part~="action-button"]')!.click();
      const dialog = inShadow<JtConfirmDialog>(table, 'jt-confirm-dialog')!;
      await eventually(() => dialog.isOpen, 'the dialog did not open');
      await dialog.updateComplete;
      inShadow(dialog, '[part~="confirm-button"]')!.click();
      await eventually(() => context.watched.sent('PUT').length === 1, 'the change was not sent');

      table.remove();
      const store = table.store!;
      await eventually(() => !store.isPending(context.member.id), 'the change did not finish');
      expect(context.api.store.get(context.member.id)?.status).to.equal('inactive');
      expect(store.get(context.member.id)?.status, 'the shared store agrees with the server').to.equal(
        'inactive',
      );
      expect(context.watched.sent('PUT')[0]!.signal.aborted).to.equal(false);
      await assertQuietAfterRemoval(watch, table, context);
    });
  });
});
