import { defaultClientConditions, defineConfig } from 'vite';

/**
 * One config for two jobs:
 * - the demo's dev server (`npm start` runs it with `demo/` as its root);
 * - `vite build`: the single-file ESM bundle of every element with all dependencies inside,
 *   for a plain `<script type="module">` or a CDN: packages/elements/dist/jt-users.min.js.
 */
export default defineConfig({
  root: 'demo',
  // Sibling packages resolve to their TypeScript sources, no build needed (see their `exports`).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: '../packages/elements/dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: '../packages/elements/src/bundle.ts',
      formats: ['es'],
      fileName: () => 'jt-users.min.js',
    },
  },
});
