/**
 * The Vue 3 host (demo/vue): Vue passes the client as a DOM property, listens to the
 * elements' events through `on…` props of its render functions, and switches views with a ref.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, type App as VueApp } from 'vue';
import { App } from '../../demo/vue/App.js';
import { recordingClient, referenceApi } from '../elements/support.js';
import {
  clickName,
  logged,
  logLines,
  patience,
  safeTargetIn,
  shownProfile,
  shownTable,
  tableBadge,
  toggleStatusAndConfirm,
} from './support.js';

describe('the Vue host (demo/vue)', () => {
  let host: HTMLDivElement;
  let app: VueApp | undefined;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    host.remove();
  });

  async function mounted() {
    const api = await referenceApi();
    const { client, sent } = recordingClient();
    app = createApp(App, { client });
    app.mount(host);
    const table = await shownTable(host);
    return { api, client, sent, table };
  }

  it('hands the client to the table as a property, which loads and shows the users', async () => {
    const { client, sent, table } = await mounted();
    expect(table.client).to.equal(client);
    expect(table.hasAttribute('client')).to.equal(false);
    expect(sent).to.include('GET /v1/users');
  });

  it('opens the chosen user’s profile from jt-user-select, and Back returns to the table', async () => {
    const { api, client, table } = await mounted();
    const user = safeTargetIn(table, api);
    clickName(table, user);

    const profile = await shownProfile(host, user);
    expect(profile.client).to.equal(client);
    expect(host.querySelector('jt-user-table')).to.equal(null);
    expect(logLines(host)).to.deep.equal([`jt-user-select: ${user.name}`]);
    expect(document.activeElement).to.equal(host.querySelector('main'));

    host.querySelector<HTMLButtonElement>('button.back-link')!.click();
    await shownTable(host);
    expect(host.querySelector('jt-user-profile')).to.equal(null);
  });

  it('logs jt-user-status-changed after a confirmed change in the profile', async () => {
    const { api, table } = await mounted();
    const user = safeTargetIn(table, api);
    clickName(table, user);
    const profile = await shownProfile(host, user);

    await toggleStatusAndConfirm(profile);
    await logged(host, `jt-user-status-changed: ${user.name}: active → inactive`);
    expect(api.store.get(user.id)?.status).to.equal('inactive');

    host.querySelector<HTMLButtonElement>('button.back-link')!.click();
    const again = await shownTable(host);
    await waitUntil(
      () => tableBadge(again, user) === 'Inactive',
      'the table did not show the new status',
      patience,
    );
  });
});
