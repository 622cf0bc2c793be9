/**
 * The size of the concurrent-admins suite, as data: the suite runs it, the reliability report
 * quotes it.
 */

/** Status changes made through the two Admins' screens together. */
export const CONCURRENT_CHANGES = 500;

/** Rounds of the two last Admins deactivating each other at the same moment. */
export const MUTUAL_DEACTIVATION_ROUNDS = 3;

/** Seed of the interleaving: the same run on every machine. */
export const INTERLEAVING_SEED = 0x5eed;
