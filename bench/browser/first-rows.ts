/**
 * Time to first rows: from a table's insertion until its rows are painted, with the reference
 * API in the page at zero latency. Cold is the first element of a fresh page (it also asks who
 * is signed in); warm is a second table next to the first, sharing its client and store.
 */
import { summarize, type Summary } from '../lib/stats.js';
import type { InsertTiming, RowsTiming } from './protocol.js';
import type { BrowserSession } from './session.js';

/** Users in the organization: more than the largest page. */
const SEED_SIZE = 1000;

/** Summaries of many {@link RowsTiming}s. */
export interface RowsSummary {
  domMs: Summary;
  paintMs: Summary;
  afterDataMs: Summary;
  serverMs: Summary;
}

/** {@link RowsSummary} of table insertions, with their first rows. */
export interface InsertSummary extends RowsSummary {
  firstPaintMs: Summary;
  firstAfterDataMs: Summary;
}

export interface FirstRowsResult {
  pageSize: number;
  cold: InsertSummary;
  warm: InsertSummary;
}

/** Summarizes each field of `timings` separately. */
export function summarizeRows(timings: readonly RowsTiming[]): RowsSummary {
  return {
    domMs: summarize(timings.map((timing) => timing.domMs)),
    paintMs: summarize(timings.map((timing) => timing.paintMs)),
    afterDataMs: summarize(timings.map((timing) => timing.afterDataMs)),
    serverMs: summarize(timings.map((timing) => timing.serverMs)),
  };
}

function summarizeInserts(timings: readonly InsertTiming[]): InsertSummary {
  return {
    ...summarizeRows(timings),
    firstPaintMs: summarize(timings.map((timing) => timing.firstPaintMs)),
    firstAfterDataMs: summarize(timings.map((timing) => timing.firstAfterDataMs)),
  };
}

/** `pages` fresh pages per page size; `warmPerPage` second tables on each. */
export async function measureFirstRows(
  session: BrowserSession,
  { pages, warmPerPage }: { pages: number; warmPerPage: number },
): Promise<FirstRowsResult[]> {
  const results: FirstRowsResult[] = [];
  for (const pageSize of [50, 200]) {
    const cold: InsertTiming[] = [];
    const warm: InsertTiming[] = [];
    for (let page = 0; page < pages; page++) {
      const tab = await session.open();
      try {
        await tab.call('setup', { seedSize: SEED_SIZE });
        cold.push(await tab.call('insertTable', pageSize));
        for (let second = 0; second < warmPerPage; second++) {
          warm.push(await tab.call('insertTable', pageSize));
          await tab.call('removeTable');
        }
      } finally {
        await tab.close();
      }
    }
    results.push({ pageSize, cold: summarizeInserts(cold), warm: summarizeInserts(warm) });
  }
  return results;
}
