/**
 * Weight of what a host ships: the SDK, each element's entry, the single-file bundle, and our
 * own code without its dependencies. Every entry is bundled fresh from the sources.
 */
import { bundle, weighBundle, type Weight } from './lib/bundle.js';

/** One measured artifact. */
export interface WeightResult {
  id: string;
  label: string;
  /** What the entry holds and leaves out. */
  contents: string;
  weight: Weight;
}

interface Entry {
  id: string;
  label: string;
  contents: string;
  source: string;
  external?: readonly RegExp[];
}

/** The dependencies a host could share with other code on its page. */
const THIRD_PARTY = [/^lit($|\/)/, /^@lit\//, /^ky($|\/)/, /^zod($|\/)/];

/** An element class and its tag registration, as a host importing just that element ships it. */
function elementEntry(className: string, tag: string): string {
  return [
    `import { ${className} } from '@jt-users/elements';`,
    `customElements.define('${tag}', ${className});`,
    `export { ${className} };`,
  ].join('\n');
}

const ENTRIES: readonly Entry[] = [
  {
    id: 'sdk',
    label: 'SDK',
    contents: '@jt-users/sdk with its dependency, ky (zod stays at @jt-users/sdk/schemas)',
    source: `export * from '@jt-users/sdk';`,
  },
  {
    id: 'user-table',
    label: '<jt-user-table>',
    contents: 'class + define, with the SDK, Lit and every dependency',
    source: elementEntry('JtUserTable', 'jt-user-table'),
  },
  {
    id: 'user-profile',
    label: '<jt-user-profile>',
    contents: 'class + define, with the SDK, Lit and every dependency',
    source: elementEntry('JtUserProfile', 'jt-user-profile'),
  },
  {
    id: 'user-status-toggle',
    label: '<jt-user-status-toggle>',
    contents: 'class + define, with the SDK, Lit and every dependency',
    source: elementEntry('JtUserStatusToggle', 'jt-user-status-toggle'),
  },
  {
    id: 'confirm-dialog',
    label: '<jt-confirm-dialog>',
    contents: 'class + define, with Lit',
    source: elementEntry('JtConfirmDialog', 'jt-confirm-dialog'),
  },
  {
    id: 'bundle',
    label: 'Single-file bundle',
    contents: 'jt-users.min.js: every element, the SDK and every dependency',
    source: `export * from '@jt-users/elements/jt-users.min.js';`,
  },
  {
    id: 'own-code',
    label: 'Our code alone',
    contents: 'the single-file bundle without lit, @lit/task, ky and zod',
    source: `export * from '@jt-users/elements/jt-users.min.js';`,
    external: THIRD_PARTY,
  },
  {
    id: 'sdk-own-code',
    label: 'SDK code alone',
    contents: '@jt-users/sdk without ky',
    source: `export * from '@jt-users/sdk';`,
    external: THIRD_PARTY,
  },
];

/** Bundles and weighs the entry `id` of the list above. */
export async function measureWeight(root: string, id: string): Promise<WeightResult> {
  const entry = ENTRIES.find((each) => each.id === id);
  if (!entry) throw new Error(`No weight entry "${id}"`);
  const output = await bundle({ source: entry.source, resolveFrom: root, external: entry.external });
  return { id: entry.id, label: entry.label, contents: entry.contents, weight: weighBundle(output) };
}

/** Bundles and weighs every entry, one after the other (each build uses both cores). */
export async function measureWeights(root: string): Promise<WeightResult[]> {
  const results: WeightResult[] = [];
  for (const entry of ENTRIES) results.push(await measureWeight(root, entry.id));
  return results;
}
