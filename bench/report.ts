/**
 * Writes a run's figures twice: `results.json` (everything, for tools and comparisons) and
 * `RESULTS.md` (tables a person reads), both formatted with the project's Prettier settings.
 */
import { writeFile } from 'node:fs/promises';
import * as prettier from 'prettier';
import type { Summary } from './lib/stats.js';
import type { Weight } from './lib/bundle.js';
import { isFailed, type BenchResults, type Section } from './results.js';
import { checkTargets, HEAP_NOISE_BYTES } from './targets.js';

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function mb(bytes: number): string {
  return (bytes / 1024 ** 2).toFixed(1);
}

function num(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/** "median / p95", the way every timing table shows a summary. */
function mp(summary: Summary, digits = 1): string {
  return `${num(summary.median, digits)} / ${num(summary.p95, digits)}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function failure(section: Section<unknown>): string {
  return `Not measured: ${isFailed(section) && section ? section.error : 'the section did not run'}.`;
}

function weightCells(weight: Weight): string[] {
  return [kb(weight.min), kb(weight.gzip), kb(weight.brotli)];
}

function header(results: BenchResults): string {
  const { machine } = results;
  const versions = Object.entries(results.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const busy = (machine.loadAverageAtStart[0] ?? 0) > machine.cores;
  const busyNote = busy
    ? `\n**Other work competed for the CPU during this run** (load average above the core count): the
timings, the p95s most of all, are higher than on an idle machine. Sizes are unaffected.\n`
    : '';
  return `# Benchmark results

Written by \`npm run bench\` (see [bench/](.)) on ${results.date}; the run took ${Math.round(results.durationSeconds)} s.
Timings are shown as **median / p95** in milliseconds; sizes in KB (1 KB = 1024 bytes).
${busyNote}
| Machine | |
| --- | --- |
| CPU | ${machine.cpu} |
| Cores | ${machine.cores} |
| Memory | ${machine.memoryGiB} GiB |
| OS | ${machine.os} |
| Node | ${machine.node} |
| Chromium | ${machine.chromium} (headless) |
| Load average at start | ${machine.loadAverageAtStart.join(', ')} (1, 5, 15 min) |
| Packages | ${versions} |
`;
}

function targetsSection(results: BenchResults): string {
  const rows = checkTargets(results).map((check) => [
    check.name,
    check.goal,
    check.measured,
    check.met === undefined ? '–' : check.met ? 'met' : '**not met**',
  ]);
  return `## Targets and budgets

Timings are reported, never asserted. \`npm test\` holds the sizes of [budgets.ts](budgets.ts): the
SDK's budget, and a ceiling on the single-file bundle at about its present weight for as long as
the bundle's own goal is not reached.

${table(['What', 'Goal', 'Measured', 'Status'], rows)}
`;
}

function weightSection(results: BenchResults): string {
  if (isFailed(results.weight)) return `## Weight\n\n${failure(results.weight)}\n`;
  // Tag names in backticks, or Markdown would take them for HTML.
  const rows = results.weight.map((entry) => [
    entry.label.startsWith('<') ? `\`${entry.label}\`` : entry.label,
    entry.contents,
    ...weightCells(entry.weight),
  ]);
  let text = `## Weight

Each entry bundled from the sources with Vite (library mode, ES module, fully minified,
production, Lit templates minified by the elements' build plugin), every dependency inlined
unless said otherwise. Code a bundle loads on demand (\`import()\`: ours, the German strings) is
not counted, for us or for the peers.

${table(['Artifact', 'Contents', 'min', 'min+gzip', 'min+brotli'], rows)}
`;
  const bundle = results.weight.find((entry) => entry.id === 'bundle');
  text += '\n### Peers, measured the same way\n\n';
  if (isFailed(results.peers)) return `${text}${failure(results.peers)}\n`;
  const peerRows = results.peers.map((peer) => {
    if ('error' in peer)
      return [`${peer.label} (\`${peer.package}\`)`, '–', `not measured: ${peer.error}`, '–', '–', '–', '–'];
    const ratio = bundle ? `${num(peer.weight.gzip / bundle.weight.gzip)}×` : '–';
    return [
      `${peer.label} (\`${peer.package}\` ${peer.version})`,
      peer.measured,
      peer.note,
      ...weightCells(peer.weight),
      ratio,
    ];
  });
  if (bundle)
    peerRows.unshift([
      '**jt-users single-file bundle**',
      'jt-users.min.js',
      'all four elements, SDK, Lit, ky; German on demand',
      ...weightCells(bundle.weight),
      '1.0×',
    ]);
  return `${text}${table(['Widget', 'Measured', 'Notes', 'min', 'min+gzip', 'min+brotli', 'gzip vs ours'], peerRows)}\n`;
}

function firstRowsSection(results: BenchResults): string {
  if (isFailed(results.firstRows)) return `## Time to first rows\n\n${failure(results.firstRows)}\n`;
  const rows = results.firstRows.flatMap((entry) =>
    (['cold', 'warm'] as const).map((mode) => {
      const timing = entry[mode];
      return [
        String(entry.pageSize),
        mode,
        String(timing.paintMs.n),
        mp(timing.firstPaintMs),
        mp(timing.firstAfterDataMs),
        mp(timing.domMs),
        mp(timing.paintMs),
        mp(timing.afterDataMs),
        mp(timing.serverMs),
      ];
    }),
  );
  return `## Time to first rows

From the table's insertion until its rows are painted; the reference API answers inside the page
at zero latency. Cold: the first element of a fresh page (also asks who is signed in). Warm: a
second table beside the first, same client. "After data": from the list answer reaching the
client to the painted frame (JSON, contract check, render, style, layout, paint).

A table that appears with a page longer than a screenful paints a screenful of rows first, then
the rest right after that frame: "first rows" is the frame with the first screenful, "all rows"
the frame with the whole page (the table says \`aria-busy="false"\` only then). A page that fits
on a screen paints whole at once. Median / p95 in ms.

${table(
  [
    'Rows',
    'Page',
    'n',
    'First rows painted',
    'First rows after data',
    'All rows in DOM',
    'All rows painted',
    'All rows after data',
    'API share',
  ],
  rows,
)}
`;
}

function confirmSection(results: BenchResults): string {
  if (isFailed(results.confirm)) return `## Confirm to screen\n\n${failure(results.confirm)}\n`;
  const rows = results.confirm.map((entry) => [
    `${entry.latencyMs} ms`,
    String(entry.paintMs.n),
    mp(entry.domMs),
    mp(entry.paintMs),
    `${entry.frame.median} / ${entry.frame.p95} (worst ${entry.frame.max})`,
  ]);
  return `## Confirm to screen

From the click on Confirm in the table's dialog until the new status shows in the table's row
and in a profile of the same user on the same page. "Painted" waits for the end of the frame
that shows it, so it includes up to one frame (16.7 ms) of waiting for the display. "Frame"
counts which frame after the click showed the new status: 1 is the very next one, the target.

${table(['Server latency', 'n', 'Both in DOM', 'Painted', 'Frame (median / p95)'], rows)}
`;
}

function rerenderSection(results: BenchResults): string {
  if (isFailed(results.rerender)) return `## Re-render cost\n\n${failure(results.rerender)}\n`;
  const { statusChange, search } = results.rerender;
  const rows = [
    [
      `One status change, ${statusChange.rows}-row table`,
      String(statusChange.totalMs.n),
      mp(statusChange.totalMs, 2),
      `the table's re-render ${mp(statusChange.updateMs, 2)}; the store ${mp(statusChange.storeMs, 2)}, then the re-render and the SDK's request up to \`fetch\` ${mp(statusChange.followUpMs, 2)}; rows touched: ${statusChange.maxRowsTouched}`,
    ],
    [
      `Typing "${search.query}", per keystroke`,
      String(search.keystrokeMs.n),
      mp(search.keystrokeMs, 2),
      'input event until the update completed',
    ],
    [
      'Enter → matching rows painted',
      String(search.results.paintMs.n),
      mp(search.results.paintMs),
      `in DOM ${mp(search.results.domMs)}, API share ${mp(search.results.serverMs)}`,
    ],
  ];
  return `## Re-render cost

Script and DOM work in the page, timed with its own clock from the change until the element's
\`updateComplete\` (nothing in that span waits for the network or a frame). The status change
goes through the store exactly as a confirm does, with the server's answer held back.

${table(['Step', 'n', 'ms (median / p95)', 'Detail'], rows)}
`;
}

function scaleSection(results: BenchResults): string {
  if (isFailed(results.scale)) return `## Scale\n\n${failure(results.scale)}\n`;
  const scale = results.scale;
  const single = (label: string, timing: { paintMs: number; afterDataMs: number; serverMs: number }) => [
    label,
    '1',
    num(timing.paintMs),
    num(timing.afterDataMs),
    num(timing.serverMs),
  ];
  const rows = [
    single('First page', scale.firstPage),
    single(`Search "${scale.search.query}"`, scale.search),
    single(`Filter: ${scale.filter.status}`, scale.filter),
    [
      'Next page (each)',
      String(scale.nextPage.paintMs.n),
      mp(scale.nextPage.paintMs),
      mp(scale.nextPage.afterDataMs),
      mp(scale.nextPage.serverMs),
    ],
  ];
  const { heap } = scale;
  return `## Scale

${scale.users.toLocaleString('en')} users in the in-page reference API (generated in ${num(scale.seedMs, 0)} ms), ${scale.pageSize} rows
per page. Search, filter, sort and paging run in the API; its share of each step is shown apart.

${table(['Step', 'n', 'Painted', 'Painted after data', 'API share'], rows)}

JS heap of the page after forced garbage collection (the API's ${scale.users.toLocaleString('en')} users live in it too):
${mb(heap.baselineBytes)} MB before the table, ${mb(heap.firstPageBytes)} MB with the first page,
${mb(heap.afterPagesBytes)} MB after visiting ${scale.pagesVisited} pages. The table and its first page added
${kb(heap.firstPageBytes - heap.baselineBytes)} KB; the other ${scale.pagesVisited - 1} pages ${kb(heap.afterPagesBytes - heap.firstPageBytes)} KB more (users seen are kept in the shared store).
`;
}

function memorySection(results: BenchResults): string {
  if (isFailed(results.memory)) return `## Memory\n\n${failure(results.memory)}\n`;
  const rows = results.memory.map((entry) => [
    `\`<${entry.element}>\``,
    String(entry.cycles),
    num(entry.msPerCycle, 2),
    `${kb(entry.before.heapUsed)} → ${kb(entry.after.heapUsed)}`,
    `${entry.growth.heapUsed >= 0 ? '+' : ''}${kb(entry.growth.heapUsed)} (2nd half ${entry.secondHalfGrowth.heapUsed >= 0 ? '+' : ''}${kb(entry.secondHalfGrowth.heapUsed)})`,
    `${entry.before.jsEventListeners} → ${entry.after.jsEventListeners}`,
    `${entry.before.windowListeners}/${entry.before.documentListeners} → ${entry.after.windowListeners}/${entry.after.documentListeners}`,
    `${entry.before.nodes} → ${entry.after.nodes}`,
  ]);
  return `## Memory

Each element created (with a shared client, as a host does), rendered with its data, and removed,
on a fresh page per element after ${results.memory[0]?.warmUpCycles ?? 0} warm-up cycles. Counters after forced garbage collection
(DevTools \`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`, \`Memory.getDOMCounters\`,
\`DOMDebugger.getEventListeners\`). The heap grows during the first few hundred cycles while the engine
optimizes the code that keeps running, then levels off; a leak would keep growing, so the second
half decides: under ${kb(HEAP_NOISE_BYTES)} KB there counts as no growth.

${table(['Element', 'Cycles', 'ms / cycle', 'Heap KB', 'Heap change KB', 'JS listeners', 'window/document listeners', 'DOM nodes'], rows)}
`;
}

function sdkSection(results: BenchResults): string {
  if (isFailed(results.sdk)) return `## SDK (Node)\n\n${failure(results.sdk)}\n`;
  const { validate, iterate } = results.sdk;
  return `## SDK (Node ${results.machine.node})

${table(
  ['Measurement', 'n', 'median / p95', 'Unit'],
  [
    [
      `The client's contract check (compiled JSON Schema), ${validate.users}-user page`,
      String(validate.contractUsPerUser.n),
      mp(validate.contractUsPerUser, 2),
      'µs per user',
    ],
    [
      `\`UserPageSchema.parse\` (zod, as a server checks), ${validate.users}-user page`,
      String(validate.schemaUsPerUser.n),
      mp(validate.schemaUsPerUser, 2),
      'µs per user',
    ],
    [
      `\`listUsers\` of a ${validate.users}-user answer (JSON, check, client)`,
      String(validate.listUsersUsPerUser.n),
      mp(validate.listUsersUsPerUser, 2),
      'µs per user',
    ],
    [
      `\`iterateUsers\`, client work per page of ${iterate.pageSize}`,
      String(iterate.clientMsPerPage.n),
      mp(iterate.clientMsPerPage, 2),
      'ms per page',
    ],
  ],
)}

\`iterateUsers\` walked ${iterate.users.toLocaleString('en')} users in ${iterate.pages} pages in ${num(iterate.wallMs / 1000, 2)} s against the
reference API in the same process: ${num(iterate.processCpuMsPerPage, 2)} ms of process CPU per page in all, of which the
API's answering took about ${num(iterate.apiMsPerPage, 2)} ms per page (wall clock).
`;
}

/** Writes `results.json` and `RESULTS.md` into `folder`. */
export async function writeReport(folder: string, results: BenchResults): Promise<void> {
  const markdown = [
    header(results),
    targetsSection(results),
    weightSection(results),
    firstRowsSection(results),
    confirmSection(results),
    rerenderSection(results),
    scaleSection(results),
    memorySection(results),
    sdkSection(results),
  ].join('\n');
  const files: Array<[string, string]> = [
    [`${folder}/results.json`, JSON.stringify(results, null, 2)],
    [`${folder}/RESULTS.md`, markdown],
  ];
  for (const [path, text] of files) {
    const options = (await prettier.resolveConfig(path)) ?? {};
    await writeFile(path, await prettier.format(text, { ...options, filepath: path }));
  }
}
