// TypeScript (NodeNext) spells an import of `App.tsx` as `./App.js`. The esbuild plugin maps
// `.js` to `.ts` only; this plugin finds the `.tsx` file when no `.ts` file answers.
import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * @param {{ rootDir?: string }} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function resolveTsxPlugin({ rootDir = process.cwd() } = {}) {
  return {
    name: 'resolve-tsx',
    async resolveImport({ source, context }) {
      if (!source.startsWith('.') || !source.endsWith('.js') || !/\.tsx?$/.test(context.path)) return;
      const importer = path.join(rootDir, decodeURIComponent(context.path));
      const candidate = `${source.slice(0, -3)}.tsx`;
      try {
        await access(path.resolve(path.dirname(importer), candidate));
        return candidate;
      } catch {
        return undefined;
      }
    },
  };
}
