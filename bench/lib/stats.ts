/**
 * Summaries of repeated measurements. Medians and 95th percentiles rather than means: a shared
 * machine produces occasional outliers that would drag a mean around.
 */

/** A summary of repeated measurements of one quantity, all in the same unit. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * The `q` quantile (0..1) of sorted values, interpolating between the two nearest ranks, the
 * way spreadsheets and numpy compute it by default.
 */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Median, p95, min and max of `samples`, rounded to three decimals. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Rounds to `digits` decimals, which is all the precision a timer on a shared machine has. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
