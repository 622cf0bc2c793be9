/**
 * Re-render cost: the work of one status change in a table of 200 rows (and how many rows it
 * touched), and of typing a search query, key by key, then submitting it. Timed with the page's
 * own clock around the synchronous step and the element's `updateComplete`: that span is all
 * script and DOM work, since nothing in it waits for the network or a frame.
 */
import { summarize, type Summary } from '../lib/stats.js';
import { summarizeRows, type RowsSummary } from './first-rows.js';
import type { RerenderTiming, RowsTiming } from './protocol.js';
import type { BrowserSession } from './session.js';

const TABLE_ROWS = 200;
/** Long enough that no answer arrives while changes are measured: only the instant update counts. */
const HOLD_ANSWERS_MS = 60_000;
const QUERY = 'sofia';

export interface RerenderResult {
  statusChange: {
    rows: number;
    totalMs: Summary;
    storeMs: Summary;
    followUpMs: Summary;
    /** The table's re-render alone (see {@link RerenderTiming.updateMs}). */
    updateMs: Summary;
    /** Most rows whose DOM changed in one step (1 = only the changed row). */
    maxRowsTouched: number;
  };
  search: {
    query: string;
    /** Per keystroke: input event until the table's update completed. */
    keystrokeMs: Summary;
    /** Enter until the matching rows were painted (the in-page API's share in serverMs). */
    results: RowsSummary;
  };
}

export async function measureRerender(
  session: BrowserSession,
  { reps }: { reps: number },
): Promise<RerenderResult> {
  const tab = await session.open();
  try {
    await tab.call('setup', { seedSize: 1000 });
    await tab.call('insertTable', TABLE_ROWS);
    await tab.call('setLatency', HOLD_ANSWERS_MS);
    const changes: RerenderTiming[] = [];
    // Another row each time: a user with a change pending is not changed twice. (The demo
    // accounts are skipped, so a few rows fewer than the table holds are available.)
    for (let rep = 0; rep < Math.min(reps, TABLE_ROWS / 2); rep++) {
      changes.push(await tab.call('changeStatus', rep));
    }

    await tab.call('setup', { seedSize: 1000 });
    await tab.call('insertTable', TABLE_ROWS);
    const keystrokeMs: number[] = [];
    const results: RowsTiming[] = [];
    for (let rep = 0; rep < reps; rep++) {
      keystrokeMs.push(...(await tab.call('typeSearch', QUERY)));
      results.push(await tab.call('submitSearch'));
      await tab.call('clearSearch');
    }
    return {
      statusChange: {
        rows: TABLE_ROWS,
        totalMs: summarize(changes.map((change) => change.totalMs)),
        storeMs: summarize(changes.map((change) => change.storeMs)),
        followUpMs: summarize(changes.map((change) => change.followUpMs)),
        updateMs: summarize(changes.map((change) => change.updateMs)),
        maxRowsTouched: Math.max(...changes.map((change) => change.rowsTouched)),
      },
      search: { query: QUERY, keystrokeMs: summarize(keystrokeMs), results: summarizeRows(results) },
    };
  } finally {
    await tab.close();
  }
}
