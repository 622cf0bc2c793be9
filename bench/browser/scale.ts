/**
 * Scale: an organization of 100 000 users in the in-page reference API. The table searches,
 * filters and pages through it (all on the server side); time per page, and the page's heap
 * after visiting 50 pages. The API's own data lives in the same heap, so the table's share is
 * reported as the growth over the heap measured before the table existed.
 */
import { summarize, type Summary } from '../lib/stats.js';
import { summarizeRows, type RowsSummary } from './first-rows.js';
import type { RowsTiming } from './protocol.js';
import type { BrowserSession } from './session.js';

export const SCALE_USERS = 100_000;
const PAGE_SIZE = 50;
const PAGES = 50;

export interface ScaleResult {
  users: number;
  pageSize: number;
  /** Generating the 100 000 users in the page (the API's set-up, not the table's). */
  seedMs: number;
  firstPage: RowsTiming;
  search: RowsTiming & { query: string };
  filter: RowsTiming & { status: string };
  /** Each "Next page" until the page was painted; serverMs is the API's share. */
  nextPage: RowsSummary;
  pagesVisited: number;
  heap: {
    /** Heap with the API seeded and no element on the page. */
    baselineBytes: number;
    /** After the first page was shown. */
    firstPageBytes: number;
    /** After visiting all pages. */
    afterPagesBytes: number;
  };
  /** Time per page as the API alone spent it (search and sort over 100 000 users). */
  serverMs: Summary;
}

export async function measureScale(session: BrowserSession): Promise<ScaleResult> {
  const tab = await session.open();
  try {
    const { seedMs } = await tab.call('setup', { seedSize: SCALE_USERS });
    const baseline = await tab.memory();
    const firstPage = await tab.call('insertTable', PAGE_SIZE);
    const afterFirst = await tab.memory();

    await tab.call('typeSearch', 'emma');
    const search = { query: 'emma', ...(await tab.call('submitSearch')) };
    await tab.call('clearSearch');
    // The filter over the whole organization, not within the search's matches.
    const filter = { status: 'inactive', ...(await tab.call('filterStatus', 'inactive')) };
    await tab.call('filterStatus', 'all');

    const pages: RowsTiming[] = [];
    for (let page = 1; page < PAGES; page++) pages.push(await tab.call('nextPage'));
    const afterPages = await tab.memory();
    return {
      users: SCALE_USERS,
      pageSize: PAGE_SIZE,
      seedMs,
      firstPage,
      search,
      filter,
      nextPage: summarizeRows(pages),
      pagesVisited: pages.length + 1,
      heap: {
        baselineBytes: baseline.heapUsed,
        firstPageBytes: afterFirst.heapUsed,
        afterPagesBytes: afterPages.heapUsed,
      },
      serverMs: summarize(pages.map((page) => page.serverMs)),
    };
  } finally {
    await tab.close();
  }
}
