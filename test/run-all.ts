/**
 * `npm test`: every check the project has, in order, each one run even when an earlier one
 * failed, so one run shows everything that is wrong. Ends with a summary table and the plain
 * closing line `N passed, N failed` (tests counted by the runners, steps that failed counted too).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';

interface Step {
  name: string;
  command: string;
}

interface Outcome {
  step: Step;
  ok: boolean;
  seconds: number;
  passed: number;
  failed: number;
}

const steps: Step[] = [
  { name: 'typecheck', command: 'npm run -s typecheck' },
  { name: 'lint', command: 'npm run -s lint' },
  { name: 'build', command: 'npm run -s build' },
  { name: 'node tests', command: 'npm run -s test:node' },
  { name: 'browser tests', command: 'npm run -s test:browser' },
];

/** Test counts as the two runners print them: node's `# pass N` / `# fail N`, wtr's `N passed, N failed`. */
function countTests(output: string): { passed: number; failed: number } {
  const plain = stripVTControlCharacters(output);
  const last = (pattern: RegExp): number => {
    const matches = [...plain.matchAll(pattern)];
    const value = matches.at(-1)?.[1];
    return value === undefined ? 0 : Number(value);
  };
  const nodePassed = last(/^# pass (\d+)$/gm);
  const nodeFailed = last(/^# fail (\d+)$/gm);
  const browserPassed = last(/(\d+) passed, \d+ failed/g);
  const browserFailed = last(/\d+ passed, (\d+) failed/g);
  return { passed: nodePassed + browserPassed, failed: nodeFailed + browserFailed };
}

function run(step: Step): Promise<Outcome> {
  const started = performance.now();
  console.log(`\n━━ ${step.name}: ${step.command}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      target.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ step, ok: code === 0, seconds, ...countTests(output) });
    });
  });
}

const outcomes: Outcome[] = [];
for (const step of steps) outcomes.push(await run(step));

console.log('\n━━ summary');
for (const { step, ok, seconds, passed, failed } of outcomes) {
  const tests = passed + failed > 0 ? `  ${passed} passed, ${failed} failed` : '';
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${step.name.padEnd(14)} ${seconds.toFixed(1).padStart(6)} s${tests}`);
}
const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
const failedTests = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
const failedSteps = outcomes.filter((outcome) => !outcome.ok);
// A step can fail without a failing test (a type error, a crash): it counts as a failure too.
const failed = failedTests + failedSteps.filter((outcome) => outcome.failed === 0).length;
console.log(
  failedSteps.length === 0
    ? '\nAll checks passed.'
    : `\nFailed: ${failedSteps.map((o) => o.step.name).join(', ')}`,
);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failedSteps.length === 0 ? 0 : 1;
