/**
 * The strict host page's module: loads the elements and the SDK (from the sources, or with
 * `?bundle` from the single-file build alone), gives every element a client of the page's
 * same-origin API signed in with `?token=`, and sets `window.pageReady`.
 */
import type { UsersClient, UsersClientOptions } from '@jt-users/sdk';

/** The part of either build this page uses. */
interface Library {
  createUsersClient(options: UsersClientOptions): UsersClient;
}

const BUNDLE_URL = '/packages/elements/dist/jt-users.min.js';
const params = new URLSearchParams(location.search);

async function loadSources(): Promise<Library> {
  await import('@jt-users/elements/define');
  return import('@jt-users/sdk');
}

const library = params.has('bundle')
  ? ((await import(/* @vite-ignore */ BUNDLE_URL)) as Library)
  : await loadSources();
const token = params.get('token') ?? undefined;
/**
 * The test runner's other pages run msw's service worker, which controls this same-origin frame
 * too and would answer its API calls from another page's mock; msw lets a request through
 * untouched when its Accept header asks for that (and removes the marker before sending it).
 */
const passThroughMocks: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  request.headers.append('accept', 'msw/passthrough');
  return fetch(request);
};
const client = library.createUsersClient({
  baseUrl: '/csp-api',
  getToken: () => token,
  retry: { limit: 0 },
  fetch: passThroughMocks,
});
for (const element of document.querySelectorAll('jt-user-table, jt-user-profile')) {
  (element as HTMLElement & { client?: UsersClient }).client = client;
}
(window as Window & { pageReady?: boolean }).pageReady = true;
