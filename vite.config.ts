import { defaultClientConditions, defineConfig } from 'vite';
import { minifyLitTemplatesPlugin } from './packages/elements/scripts/minify-lit-templates.js';

/**
 * One config for two jobs:
 * - the demo's dev server (`npm start` runs it with `demo/` as its root);
 * - `vite build`: the single-file ESM bundle of every element with all dependencies inside,
 *   for a plain `<script type="module">` or a CDN: packages/elements/dist/jt-users.min.js.
 */
export default defineConfig({
  root: 'demo',
  // Sibling packages resolve to their TypeScript sources, no build needed (see their `exports`).
  // Dependencies resolve to their production builds in the demo's dev server too: the demo is a
  // host page as users see it, without Lit's dev-mode warnings and checks.
  resolve: {
    conditions: [
      'source',
      ...defaultClientConditions.map((condition) =>
        condition === 'development|production' ? 'production' : condition,
      ),
    ],
  },
  // Lit's CSS and markup text, which the minifier leaves as written, and the private custom
  // property names in it (build only).
  plugins: [minifyLitTemplatesPlugin()],
  // Vue's ES build (the demo's Vue host) reads these compile-time flags; Vue's Vite plugin would
  // define them, but render functions need no plugin. Same values as Vue's defaults.
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
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
    // `minify` alone keeps whitespace and comments in library-mode ES output, so a later bundler
    // can still tree-shake it; this file is loaded as-is, so it is minified fully.
    // Languages other than English load on demand (`import('./de.js')`): that chunk sits next to
    // the bundle, which imports it relative to its own URL, so a CDN serves both.
    // Comments are dropped too: the file is final, and annotations for a later bundler are dead
    // weight in it. The bundled packages' licences go next to it instead.
    rolldownOptions: { output: { minify: true, comments: false, chunkFileNames: 'jt-users-[name].min.js' } },
    license: { fileName: 'jt-users.min.js.LICENSES.md' },
  },
});
