/**
 * `npm run reliability-report`: runs every reliability suite (test/reliability/) and writes
 * docs/RELIABILITY.md: each promise to a host, the suite that proves it, and the figures of this
 * run. Test counts come from the runners; sizes (vectors, cases, changes) from the suites' data
 * modules. Needs the build (`npm run build`). Exits non-zero when a suite failed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { defaultReporter, startTestRunner, type Reporter, type TestSuiteResult } from '@web/test-runner';
import projectConfig from '../../web-test-runner.config.mjs';
import {
  ATTRIBUTE_CASES,
  BAD_CLIENT_OPTIONS,
  CURRENT_USER_TAGS,
  SDK_CASES,
  USER_PROPERTY_CASES,
  USER_PROPERTY_TAGS,
} from './bad-input-cases.js';
import { CONCURRENT_CHANGES, MUTUAL_DEACTIVATION_ROUNDS } from './concurrency-plan.js';
import { HOSTILE_VECTORS } from './hostile-vectors.js';

const DIR = 'test/reliability';
const OUTPUT = 'docs/RELIABILITY.md';

interface Count {
  passed: number;
  failed: number;
}

/** Passed and failed tests of one browser test file, through nested suites. */
function countSuite(suite: TestSuiteResult | undefined): Count {
  const count = { passed: 0, failed: 0 };
  if (!suite) return count;
  for (const test of suite.tests) count[test.passed ? 'passed' : 'failed']++;
  for (const child of suite.suites) {
    const inner = countSuite(child);
    count.passed += inner.passed;
    count.failed += inner.failed;
  }
  return count;
}

/** Runs the browser suites in one test runner; counts per file. */
async function runBrowserSuites(files: string[]): Promise<Map<string, Count>> {
  const counts = new Map<string, Count>();
  const counting: Reporter = {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const count = countSuite(session.testResults);
        // A file that failed to load has errors but no tests: count it as one failure.
        if (count.passed + count.failed === 0 && session.errors.length > 0) count.failed = 1;
        counts.set(session.testFile.replace(`${process.cwd()}/`, ''), count);
      }
    },
  };
  // The project's config with only these files (merged with the file config, `files` would add up).
  const runner = await startTestRunner({
    config: { ...projectConfig, files, reporters: [defaultReporter(), counting] },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
  });
  if (!runner) throw new Error('the test runner did not start');
  await new Promise<void>((resolve) => runner.on('finished', () => resolve()));
  await runner.stop();
  return counts;
}

/** Runs one Node suite with node's test runner; counts from its TAP summary. */
async function runNodeSuite(file: string): Promise<Count> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=tap', file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const [code] = (await once(child, 'close')) as [number];
  const read = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
  const count = { passed: read('pass'), failed: read('fail') };
  if (code !== 0 && count.failed === 0) count.failed = 1;
  return count;
}

/** A promise of the product, the suites that prove it, and what this run measured. */
interface Guarantee {
  promise: string;
  suites: string[];
  figures: (count: Count) => string;
}

const byKind = Object.entries(
  HOSTILE_VECTORS.reduce<Record<string, number>>(
    (kinds, vector) => ({ ...kinds, [vector.kind]: (kinds[vector.kind] ?? 0) + 1 }),
    {},
  ),
)
  .map(([kind, count]) => `${kind} ${count}`)
  .join(', ');

const PROMISES: Guarantee[] = [
  {
    promise:
      'Whatever fault the server or the network produces, the screen ends equal to the server, the person reads a clear message in the page’s language, `jt-error` fires once, and nothing is left unhandled.',
    suites: ['fault-matrix.test.ts'],
    figures: (count) => `${count.passed + count.failed} flow × fault cells, one injected fault each`,
  },
  {
    promise: 'A change whose answer is lost is retried safely: the right state, no second change recorded.',
    suites: ['lost-answers.test.ts'],
    figures: (count) => `${count.passed + count.failed} lost answers`,
  },
  {
    promise:
      'Data is only ever text: script in a name, email, role or error detail never runs, shows as the characters it is, and long or right-to-left strings do not break the layout.',
    suites: ['hostile-data.test.ts'],
    figures: () =>
      `${HOSTILE_VECTORS.length} vectors (${byKind}), each in names, emails, "changed by" names, the confirm dialog, the announcement, an error detail (${HOSTILE_VECTORS.length} injected refusals) and a role`,
  },
  {
    promise:
      "The elements and the single-file bundle run on a page with `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'` without a single violation.",
    suites: ['strict-page.test.ts'],
    figures: (count) =>
      `${count.passed + count.failed} cases: the full flow (table action, profile toggle, role change, a refusal) with the modules and with the bundle; 0 violation reports allowed`,
  },
  {
    promise:
      'Two Admins changing the same users at once lose nothing: every change the server made was confirmed on a screen, every confirmation was a real server state, and both screens equal the server after a reload. One active Admin always remains, and the Admin who loses the race is told why.',
    suites: ['concurrent-admins.node.test.ts'],
    figures: () =>
      `${CONCURRENT_CHANGES} status changes through two browser windows against the real HTTP server; ${MUTUAL_DEACTIVATION_ROUNDS} rounds of the last two Admins deactivating each other`,
  },
  {
    promise:
      'Double clicks, double confirms, a held Enter and rapid toggling send exactly one request per confirmed change.',
    suites: ['double-actions.test.ts'],
    figures: (count) => `${count.passed + count.failed} cases`,
  },
  {
    promise:
      'Removing an element during a request, a retry or an open dialog leaves no error, no running request of its own and no listener.',
    suites: ['lifecycle.test.ts'],
    figures: (count) => `${count.passed + count.failed} cases`,
  },
  {
    promise: 'The token never appears in an error, an event, a console message, the DOM or a URL.',
    suites: ['secrets.test.ts', 'fault-matrix.test.ts'],
    figures: (count) => `${count.passed + count.failed} cases (the scan runs in every fault-matrix cell)`,
  },
  {
    promise:
      'Bad input to the SDK, an element attribute or a user given to an element never sends a request with bad data and never crashes: the SDK rejects with `invalid_argument`, an element shows a message or uses its default.',
    suites: ['bad-input.node.test.ts', 'bad-attributes.test.ts'],
    figures: () =>
      `${SDK_CASES.length} SDK method calls, ${BAD_CLIENT_OPTIONS.length} client options, ${ATTRIBUTE_CASES.length} element attribute values, ${USER_PROPERTY_CASES.length * (USER_PROPERTY_TAGS.length + CURRENT_USER_TAGS.length)} \`user\` and \`currentUser\` values`,
  },
];

const files = readdirSync(DIR).filter((file) => file.endsWith('.test.ts'));
const browserFiles = files.filter((file) => !file.endsWith('.node.test.ts')).map((file) => `${DIR}/${file}`);
const nodeFiles = files.filter((file) => file.endsWith('.node.test.ts')).map((file) => `${DIR}/${file}`);

const counts = await runBrowserSuites(browserFiles);
for (const file of nodeFiles) counts.set(file, await runNodeSuite(file));

const total = [...counts.values()].reduce(
  (sum, count) => ({ passed: sum.passed + count.passed, failed: sum.failed + count.failed }),
  {
    passed: 0,
    failed: 0,
  },
);
const rows = PROMISES.map(({ promise, suites, figures }, index) => {
  const present = suites.filter((suite) => existsSync(`${DIR}/${suite}`));
  const count = present.reduce(
    (sum, suite) => {
      const c = counts.get(`${DIR}/${suite}`) ?? { passed: 0, failed: 0 };
      return { passed: sum.passed + c.passed, failed: sum.failed + c.failed };
    },
    { passed: 0, failed: 0 },
  );
  const proven = present.map((suite) => `[${suite}](../${DIR}/${suite})`).join(', ') || '—';
  const result =
    count.failed === 0 ? `${count.passed} passed` : `**${count.failed} failed**, ${count.passed} passed`;
  return `| ${index + 1} | ${promise} | ${proven} | ${result} | ${figures(count)} |`;
});

const document = `# Reliability

What the jt-users elements and SDK guarantee to a host page, and the suite that proves each
promise. Generated by \`npm run reliability-report\` from its last run; do not edit by hand.

Last run: ${new Date().toISOString().slice(0, 10)}, ${total.passed} tests passed, ${total.failed} failed, in ${counts.size} suites.

| # | Promise | Proven by | Tests | Figures |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

All suites also run in \`npm test\`. Browser suites run in Chromium (\`@web/test-runner\`); the
\`.node.test.ts\` suites run in Node and drive Chromium themselves where a second window or the real
HTTP server is needed.
`;

// Written as the repository's formatter writes it, so `prettier --check` passes on the result.
const options = await resolveConfig(OUTPUT);
await writeFile(OUTPUT, await format(document, { ...options, filepath: OUTPUT }));
console.log(`\n${OUTPUT}: ${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed === 0 ? 0 : 1;
