/**
 * Bundles one entry the way a host's build would ship it (Vite 8 / Rolldown, library mode, ES
 * module, minified, production) entirely in memory, and weighs the result compressed.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, defaultClientConditions, type Plugin, type Rolldown } from 'vite';
import { minifyLitTemplatesPlugin } from '../../packages/elements/scripts/minify-lit-templates.js';

/** Sizes in bytes of one shipped artifact: its JavaScript plus any CSS it needs. */
export interface Weight {
  /** Minified, uncompressed. */
  min: number;
  /** Minified, then gzip at level 9 (what most CDNs serve). */
  gzip: number;
  /** Minified, then brotli at quality 11. */
  brotli: number;
}

/**
 * What {@link bundle} produces: the JavaScript and the CSS of one entry, as text. Code the entry
 * loads on demand (`import()`, e.g. the elements' German strings) is left out: a page fetches it
 * only when needed, and it lives in files of its own.
 */
export interface BundleOutput {
  js: string;
  css: string;
}

/** Options of {@link bundle}. */
export interface BundleOptions {
  /** Source of the entry module; it is bundled as if it were a file in `resolveFrom`. */
  source: string;
  /** Folder the entry's imports resolve from (its `node_modules` and the workspaces). */
  resolveFrom: string;
  /** Bare specifiers left out of the bundle (a host would share them with other code). */
  external?: readonly (string | RegExp)[];
}

const ENTRY_ID = 'bench-entry.js';

/** Serves the entry's source as a module inside `folder`, so bare imports resolve from there. */
function virtualEntry(folder: string, source: string): Plugin {
  const id = `${folder}/${ENTRY_ID}`;
  return {
    name: 'bench-virtual-entry',
    resolveId: (specifier) => (specifier === id ? id : undefined),
    load: (loaded) => (loaded === id ? source : undefined),
  };
}

/** Bundles `options.source` with every dependency inlined, minified, into memory. */
export async function bundle(options: BundleOptions): Promise<BundleOutput> {
  const entry = `${options.resolveFrom}/${ENTRY_ID}`;
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: options.resolveFrom,
    mode: 'production',
    // Workspace packages resolve to their TypeScript sources, as in the project's own build.
    resolve: { conditions: ['source', ...defaultClientConditions] },
    // Library mode leaves `process.env.NODE_ENV` alone; React's production build needs it set.
    define: { 'process.env.NODE_ENV': '"production"' },
    // The project's own build step for Lit templates, so the weight is that of the shipped file.
    plugins: [virtualEntry(options.resolveFrom, options.source), minifyLitTemplatesPlugin()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      lib: { entry, formats: ['es'], fileName: () => 'entry.js', cssFileName: 'entry' },
      rolldownOptions: {
        external: options.external ? [...options.external] : [],
        // Library mode keeps whitespace and comments in ES output (for a later tree-shake); a file
        // a host ships as-is is minified fully, comments included, as its CDN or bundler would.
        output: { minify: true, comments: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  let js = '';
  let css = '';
  for (const output of outputs) {
    const chunks = new Set(
      output.output.filter((item) => item.type === 'chunk').map((item) => item.fileName),
    );
    for (const item of output.output) {
      if (item.type === 'chunk') {
        if (!item.isEntry) continue;
        // Only `import()` may reach other chunks: the entry must run as the one file it is served as.
        const split = item.imports.filter((file) => chunks.has(file));
        if (split.length > 0) throw new Error(`${item.fileName} imports ${split.join(', ')}`);
        js += item.code;
      } else if (item.fileName.endsWith('.css')) css += String(item.source);
    }
  }
  return { js, css };
}

/** Min, gzip and brotli sizes of `text`. */
export function weigh(text: string): Weight {
  const bytes = Buffer.from(text, 'utf8');
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/**
 * The weight of a bundle's JavaScript and CSS, each compressed on its own, as a browser would
 * fetch them (two files).
 */
export function weighBundle(output: BundleOutput): Weight {
  const js = weigh(output.js);
  if (!output.css) return js;
  const css = weigh(output.css);
  return { min: js.min + css.min, gzip: js.gzip + css.gzip, brotli: js.brotli + css.brotli };
}
