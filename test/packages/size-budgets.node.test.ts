/**
 * The size budgets of bench/budgets.ts, held on every run: each entry is bundled from the sources
 * exactly as `npm run bench` weighs it, and must not weigh more than its budget, min+gzip.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { SIZE_BUDGETS } from '../../bench/budgets.js';
import { measureWeight } from '../../bench/weight.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

for (const [id, budget] of Object.entries(SIZE_BUDGETS)) {
  test(`${id} weighs at most ${(budget / 1024).toFixed(1)} KB min+gzip`, async () => {
    const { label, weight } = await measureWeight(ROOT, id);
    assert.ok(
      weight.gzip <= budget,
      `${label}: ${weight.gzip} bytes min+gzip, over the budget of ${budget} by ${weight.gzip - budget}`,
    );
  });
}
