/**
 * Confirm to screen: from the click on Confirm in the table's dialog until the new status is
 * painted in the table and in a profile of the same user on the same page, at several server
 * latencies. The store updates every element before the request is sent, so the figure should
 * not depend on the latency at all.
 */
import { summarize, type Summary } from '../lib/stats.js';
import type { ConfirmTiming } from './protocol.js';
import type { BrowserSession } from './session.js';

export const CONFIRM_LATENCIES_MS = [0, 300, 1000] as const;

export interface ConfirmResult {
  latencyMs: number;
  domMs: Summary;
  paintMs: Summary;
  /** Which frame after the click showed the new status (1: the very next one). */
  frame: Summary;
}

/** `reps` confirmed changes per latency, alternating deactivate and activate. */
export async function measureConfirm(
  session: BrowserSession,
  { reps }: { reps: number },
): Promise<ConfirmResult[]> {
  const tab = await session.open();
  try {
    await tab.call('setup', { seedSize: 200 });
    await tab.call('insertTable', 50);
    await tab.call('insertProfile');
    const results: ConfirmResult[] = [];
    for (const latencyMs of CONFIRM_LATENCIES_MS) {
      await tab.call('setLatency', latencyMs);
      const timings: ConfirmTiming[] = [];
      for (let rep = 0; rep < reps; rep++) {
        timings.push(await tab.call('confirmChange'));
        // The next change of the same user waits for this one's answer (the store refuses two at once).
        await tab.call('settle');
      }
      results.push({
        latencyMs,
        domMs: summarize(timings.map((timing) => timing.domMs)),
        paintMs: summarize(timings.map((timing) => timing.paintMs)),
        frame: summarize(timings.map((timing) => timing.frame)),
      });
    }
    return results;
  } finally {
    await tab.close();
  }
}
