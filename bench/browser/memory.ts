/**
 * Memory: each element created, rendered with its data and removed 1 000 times on one page that
 * keeps its client (as a host does). Heap and listener counts are read after forced garbage
 * collection, before, halfway and after. A warm-up first creates the page's one-time things (the
 * live region, compiled templates, adopted styles). The heap still grows for a while after it,
 * as the engine optimizes the code that runs again and again, and then levels off; a leak keeps
 * growing, so the second half of the cycles is what tells the two apart.
 */
import type { ElementKind } from './protocol.js';
import type { BrowserSession, MemorySnapshot } from './session.js';

const KINDS: readonly ElementKind[] = [
  'jt-user-table',
  'jt-user-profile',
  'jt-user-status-toggle',
  'jt-confirm-dialog',
];
const WARM_UP_CYCLES = 200;

export interface MemoryResult {
  element: ElementKind;
  warmUpCycles: number;
  cycles: number;
  msPerCycle: number;
  before: MemorySnapshot;
  /** Halfway through: a leak grows again from here, noise does not. */
  middle: MemorySnapshot;
  after: MemorySnapshot;
  /** after − before, for each counter. */
  growth: MemorySnapshot;
  /** after − middle: a steady leak shows about half of `growth` here too. */
  secondHalfGrowth: MemorySnapshot;
}

function difference(after: MemorySnapshot, before: MemorySnapshot): MemorySnapshot {
  return {
    heapUsed: after.heapUsed - before.heapUsed,
    nodes: after.nodes - before.nodes,
    jsEventListeners: after.jsEventListeners - before.jsEventListeners,
    windowListeners: after.windowListeners - before.windowListeners,
    documentListeners: after.documentListeners - before.documentListeners,
  };
}

export async function measureMemory(
  session: BrowserSession,
  { cycles }: { cycles: number },
): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  for (const element of KINDS) {
    // A fresh page per element, so one element's leftovers never count against another.
    const tab = await session.open();
    try {
      await tab.call('setup', { seedSize: 200 });
      await tab.call('cycle', element, WARM_UP_CYCLES);
      const before = await tab.memory();
      const half = Math.floor(cycles / 2);
      const first = await tab.call('cycle', element, half);
      const middle = await tab.memory();
      const second = await tab.call('cycle', element, cycles - half);
      const after = await tab.memory();
      results.push({
        element,
        warmUpCycles: WARM_UP_CYCLES,
        cycles,
        msPerCycle: (first.msPerCycle * half + second.msPerCycle * (cycles - half)) / cycles,
        before,
        middle,
        after,
        growth: difference(after, before),
        secondHalfGrowth: difference(after, middle),
      });
    } finally {
      await tab.close();
    }
  }
  return results;
}
