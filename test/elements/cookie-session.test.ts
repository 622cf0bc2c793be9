import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@jt-users/elements/define';
import { demoTokens, SESSION_COOKIE } from '@jt-users/reference-api/browser';
import type { JtUserTable } from '@jt-users/elements';
import { referenceApi, shadow } from './support.js';

/** `api-base` is for pages whose session is a cookie: no token is handed to the elements. */
describe('api-base with a cookie session', () => {
  afterEach(() => {
    document.cookie = `${SESSION_COOKIE}=; path=/; max-age=0`;
  });

  it('loads users as the Admin the session cookie signs in', async () => {
    await referenceApi();
    document.cookie = `${SESSION_COOKIE}=${demoTokens.admin}; path=/`;
    const table = await fixture<JtUserTable>(html`<jt-user-table api-base="/api"></jt-user-table>`);
    await waitUntil(() => shadow(table).querySelectorAll('[part~="row"]').length > 0, 'no rows loaded', {
      timeout: 5000,
    });
    expect(shadow(table).querySelector('[part~="access-denied"]')).to.equal(null);
  });

  it('shows the refusal when the session is a Member', async () => {
    await referenceApi();
    document.cookie = `${SESSION_COOKIE}=${demoTokens.member}; path=/`;
    const table = await fixture<JtUserTable>(html`<jt-user-table api-base="/api/member"></jt-user-table>`);
    await waitUntil(
      () => shadow(table).querySelector('[part~="access-denied"]') !== null,
      'no refusal shown',
    );
    expect(shadow(table).querySelectorAll('[part~="row"]').length).to.equal(0);
  });
});
