/**
 * The closest peers, fetched from the npm registry into `bench/.peers` (never committed) and
 * weighed exactly like our own entries. A peer that cannot be fetched or bundled is reported
 * with the reason; it never stops the rest of the run.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundle, weigh, weighBundle, type Weight } from './lib/bundle.js';

const run = promisify(execFile);

/** One peer's measurement, or why there is none. */
export type PeerResult =
  | {
      id: string;
      label: string;
      package: string;
      version: string;
      measured: string;
      note: string;
      weight: Weight;
    }
  | { id: string; label: string; package: string; error: string };

interface PackageJson {
  version: string;
}

/** Quiet, non-interactive npm: no audit, funding notes or install scripts of third parties. */
const NPM_FLAGS = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];

async function versionOf(folder: string): Promise<string> {
  const json = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as PackageJson;
  return json.version;
}

/**
 * `@descope/user-management-widget`: the file it ships for a `<script>` tag (the package README
 * loads `dist/index.js` from a CDN), already bundled and minified by Descope. Only the tarball is
 * needed, not its dependencies.
 */
async function descope(scratch: string): Promise<PeerResult> {
  const name = '@descope/user-management-widget';
  const base = { id: 'descope', label: 'Descope user management widget', package: name };
  try {
    const folder = join(scratch, 'descope');
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const { stdout } = await run('npm', ['pack', name, '--pack-destination', folder, '--json', ...NPM_FLAGS]);
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!packed) throw new Error('npm pack produced no tarball');
    await run('tar', ['-xzf', join(folder, packed.filename), '-C', folder]);
    const packageFolder = join(folder, 'package');
    const file = 'dist/index.js';
    const weight = weigh(await readFile(join(packageFolder, file), 'utf8'));
    return {
      ...base,
      version: await versionOf(packageFolder),
      measured: file,
      note: 'Self-contained IIFE for a script tag. It loads its UI components from a CDN at run time; those are not counted.',
      weight,
    };
  } catch (error) {
    return { ...base, error: describe(error) };
  }
}

/** What a React host ships to show WorkOS's users table: the widget, its providers and React. */
const WORKOS_ENTRY = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { WorkOsWidgets } from '@workos-inc/widgets/workos-widgets';
import { UsersManagement } from '@workos-inc/widgets/users-management';
import '@radix-ui/themes/styles.css';
import '@workos-inc/widgets/styles.css';
import '@workos-inc/widgets/users-management.css';

export function mountUsersManagement(element, authToken) {
  const root = createRoot(element);
  root.render(createElement(WorkOsWidgets, null, createElement(UsersManagement, { authToken })));
  return root;
}
`;

/** The packages a React host installs for it: the widgets and their peer dependencies. */
const WORKOS_PACKAGES = [
  '@workos-inc/widgets',
  'react',
  'react-dom',
  '@radix-ui/themes',
  '@tanstack/react-query',
  'swr',
];

/**
 * `@workos-inc/widgets`: its users-management widget inside the `WorkOsWidgets` provider, with
 * React, React DOM, Radix Themes and TanStack Query, bundled by us like our own entries. Its CSS
 * (Radix Themes and the widget's) counts too.
 */
async function workos(scratch: string): Promise<PeerResult> {
  const name = '@workos-inc/widgets';
  const base = { id: 'workos', label: 'WorkOS users management widget', package: name };
  try {
    const folder = join(scratch, 'workos');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'package.json'), '{ "private": true, "type": "module" }\n');
    await run('npm', ['install', '--prefix', folder, '--no-save', ...NPM_FLAGS, ...WORKOS_PACKAGES]);
    const output = await bundle({ source: WORKOS_ENTRY, resolveFrom: folder });
    const react = await versionOf(join(folder, 'node_modules/react'));
    const radix = await versionOf(join(folder, 'node_modules/@radix-ui/themes'));
    return {
      ...base,
      version: await versionOf(join(folder, 'node_modules', name)),
      measured: 'UsersManagement in WorkOsWidgets + react-dom/client, bundled here (JS + CSS)',
      note: `With React ${react}, Radix Themes ${radix} and TanStack Query; CSS ${Math.round(weigh(output.css).gzip / 1024)} KB gzip of the total.`,
      weight: weighBundle(output),
    };
  } catch (error) {
    return { ...base, error: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const stderr = (error as Error & { stderr?: string }).stderr;
    return (stderr?.trim() || error.message)
      .split('\n')
      .map((line) => line.replace(/^npm error /, '').trim())
      .filter(Boolean)
      .slice(0, 3)
      .join('; ');
  }
  return String(error);
}

/** Fetches and weighs every peer. */
export async function measurePeers(scratch: string): Promise<PeerResult[]> {
  await mkdir(scratch, { recursive: true });
  return [await descope(scratch), await workos(scratch)];
}
