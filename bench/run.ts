/**
 * `npm run bench`: every benchmark, one after the other (they would disturb each other's
 * timings), then bench/results.json and bench/RESULTS.md. A section that fails is reported as
 * such and the run goes on.
 *
 * `npm run bench -- --quick` runs a few repetitions of everything and prints the figures
 * without touching the results files (for working on the bench itself). `--out=<folder>` writes
 * the results files there instead of into bench/ (also after a quick run), e.g. to compare runs.
 */
import { mkdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureConfirm } from './browser/confirm.js';
import { measureFirstRows } from './browser/first-rows.js';
import { measureMemory } from './browser/memory.js';
import { measureRerender } from './browser/rerender.js';
import { measureScale } from './browser/scale.js';
import { BrowserSession } from './browser/session.js';
import { describeMachine, loadAverages, packageVersions } from './lib/machine.js';
import { measurePeers } from './peers.js';
import { writeReport } from './report.js';
import type { BenchResults, Plan, Section } from './results.js';
import { measureSdk } from './sdk.js';
import { checkTargets } from './targets.js';
import { measureWeights } from './weight.js';

const BENCH_FOLDER = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');
const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

const quick = process.argv.includes('--quick');
const out = process.argv.find((argument) => argument.startsWith('--out='))?.slice('--out='.length);

/** Enough repetitions for a stable median and p95 within a few minutes on two cores. */
const FULL_PLAN: Plan = {
  firstRowsPages: 20,
  warmTablesPerPage: 3,
  confirmReps: 30,
  rerenderReps: 60,
  memoryCycles: 1000,
  sdkReps: 300,
};

const QUICK_PLAN: Plan = {
  firstRowsPages: 2,
  warmTablesPerPage: 2,
  confirmReps: 3,
  rerenderReps: 5,
  memoryCycles: 50,
  sdkReps: 20,
};

/** Runs one section, timing it and turning a failure into its reason. */
async function section<T>(name: string, measure: () => Promise<T>): Promise<Section<T>> {
  const started = performance.now();
  process.stdout.write(`▸ ${name} … `);
  try {
    const value = await measure();
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`failed: ${message}`);
    return { error: message.split('\n')[0] ?? message };
  }
}

async function main(): Promise<void> {
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const started = performance.now();
  const date = new Date().toISOString();
  const loadAtStart = loadAverages();

  const weight = await section('weight', () => measureWeights(ROOT));
  const peers = await section('peers (npm registry)', () => measurePeers(`${BENCH_FOLDER}/.peers`));
  const sdk = await section('SDK in Node', () => measureSdk({ reps: plan.sdkReps }));

  const session = await BrowserSession.start(ROOT);
  let browserResults: Pick<BenchResults, 'firstRows' | 'confirm' | 'rerender' | 'scale' | 'memory'>;
  let chromium: string;
  try {
    chromium = await session.version();
    browserResults = {
      firstRows: await section('time to first rows', () =>
        measureFirstRows(session, { pages: plan.firstRowsPages, warmPerPage: plan.warmTablesPerPage }),
      ),
      confirm: await section('confirm to screen', () => measureConfirm(session, { reps: plan.confirmReps })),
      rerender: await section('re-render cost', () => measureRerender(session, { reps: plan.rerenderReps })),
      scale: await section('scale (100 000 users)', () => measureScale(session)),
      memory: await section('memory (create/remove)', () =>
        measureMemory(session, { cycles: plan.memoryCycles }),
      ),
    };
  } finally {
    await session.close();
  }

  const results: BenchResults = {
    date,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    machine: await describeMachine(chromium, loadAtStart),
    versions: await packageVersions(ROOT),
    plan,
    weight,
    peers,
    sdk,
    ...browserResults,
  };

  console.log('');
  for (const check of checkTargets(results)) {
    const status = check.met === undefined ? 'not measured' : check.met ? 'met' : 'NOT MET';
    console.log(`${status.padEnd(12)} ${check.name}: ${check.measured} (goal ${check.goal})`);
  }
  if (quick && !out) {
    console.log(`\n${JSON.stringify(results, null, 2)}\n\nQuick run: results files left as they were.`);
    return;
  }
  const folder = out ?? BENCH_FOLDER;
  await mkdir(folder, { recursive: true });
  await writeReport(folder, results);
  console.log(`\nWrote results.json and RESULTS.md into ${folder} in ${results.durationSeconds} s.`);
}

await main();
