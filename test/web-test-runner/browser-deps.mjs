// Serves npm packages that do not run in a browser as published: React ships CommonJS only, and
// Vue's ES build reads `process.env.NODE_ENV` and compile-time feature flags. They are bundled
// once, on first request, into ES modules (development builds, as a dev server would serve
// them). Code splitting keeps ONE copy of each package across entries: `react-dom/client` and
// `react/jsx-runtime` must see the same React as `react`, or hooks fail.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const PREFIX = '/__browser-deps__/';
const ENTRY_NAMESPACE = 'browser-deps-entry';

/** Compile-time constants the bundled packages read. */
const defines = {
  'process.env.NODE_ENV': JSON.stringify('development'),
  // Vue's options API stays on (its default); devtools and hydration details stay off, as in a
  // production build. Defining them also stops Vue's "feature flags are not defined" warning.
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};

/**
 * What Node sees on each package: its export names, and whether an ES import gets a default
 * export. Listing the names is what makes `import { useState } from 'react'` work: esbuild
 * cannot know a CommonJS module's export names statically. A child process loads the packages,
 * because React probes `console` on load and the test runner's console stand-in does not answer
 * every probe.
 */
async function describePackages(specifiers, rootDir) {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(process.cwd() + '/');
    const found = {};
    for (const specifier of process.argv.slice(1)) {
      found[specifier] = { names: Object.keys(require(specifier)), hasDefault: 'default' in (await import(specifier)) };
    }
    console.log(JSON.stringify(found));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, ...specifiers],
    {
      cwd: rootDir,
    },
  );
  return JSON.parse(stdout);
}

/** An ES module that re-exports `specifier` as Node described it. */
function reexportModule(specifier, { names, hasDefault }) {
  const identifiers = names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return [
    `import * as pkg from ${JSON.stringify(specifier)};`,
    `export const { ${identifiers.join(', ')} } = pkg;`,
    hasDefault ? 'export default pkg.default;' : '',
  ].join('\n');
}

const fileNameOf = (specifier) => `${specifier.replaceAll('/', '__')}.js`;

/**
 * A web-test-runner plugin that resolves each of `specifiers` (bare imports such as `react` or
 * `react-dom/client`) to its pre-bundled ES module.
 *
 * @param {string[]} specifiers
 * @param {{ rootDir?: string }} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function browserDepsPlugin(specifiers, { rootDir = process.cwd() } = {}) {
  /** @type {Promise<Map<string, string>> | undefined} */
  let bundled;

  async function bundle() {
    const outdir = path.join(rootDir, '.browser-deps');
    const packages = await describePackages(specifiers, rootDir);
    const result = await build({
      entryPoints: Object.fromEntries(
        specifiers.map((specifier) => [fileNameOf(specifier).slice(0, -3), specifier]),
      ),
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      outdir,
      define: defines,
      logLevel: 'warning',
      plugins: [
        {
          name: 'browser-deps-entries',
          setup(esbuild) {
            esbuild.onResolve({ filter: /.*/ }, (args) =>
              args.kind === 'entry-point' ? { path: args.path, namespace: ENTRY_NAMESPACE } : undefined,
            );
            esbuild.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, (args) => ({
              contents: reexportModule(args.path, packages[args.path]),
              resolveDir: rootDir,
              loader: 'js',
            }));
          },
        },
      ],
    });
    return new Map(result.outputFiles.map((file) => [path.relative(outdir, file.path), file.text]));
  }

  return {
    name: 'browser-deps',
    resolveImport({ source }) {
      if (specifiers.includes(source)) return `${PREFIX}${fileNameOf(source)}`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      bundled ??= bundle();
      const body = (await bundled).get(context.path.slice(PREFIX.length));
      if (body !== undefined) return { body, type: 'js' };
    },
  };
}
