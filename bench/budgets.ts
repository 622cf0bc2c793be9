/**
 * The size budgets: what a host page pays, at most, in min+gzip bytes. `npm test` holds them
 * (test/packages/size-budgets.node.test.ts) and the bench reports against them.
 */
const KB = 1024;

/** Budgets by weight entry id (see `weight.ts`). */
export const SIZE_BUDGETS = {
  /** The SDK with every dependency it ships with. */
  sdk: 8 * KB,
} as const satisfies Record<string, number>;
