/**
 * A build-time Vite plugin that shrinks the text inside Lit's tagged templates.
 *
 * Why: the minifier leaves template literals alone (their text is data to it), so every
 * element's CSS and markup would ship with its indentation, line breaks and comments: about a
 * tenth of the single-file bundle. This plugin rewrites only that text, in our own sources:
 *
 * - `css` templates: comments go; white space collapses, and goes entirely around `{ } ; ,`,
 *   after `:` and before the last `;` of a block. Strings and `url(…)` stay as written.
 * - `html` and `svg` templates: a run of white space that holds a line break becomes one space.
 *   Never less: a space between two pieces of text is still a space in the page. (None of our
 *   templates holds `<pre>` or `<textarea>` text, where line breaks would matter.)
 * - Private custom properties (`--_space-2`, the elements' internal tokens; never the public
 *   `--jt-*` ones a host sets) get the shortest free names: `--_a`, `--_b`, … The theme defines
 *   them and every other module reads them, so a name must be the same everywhere: each module's
 *   templates only report the names they use, and once the whole build is known, one mapping,
 *   from the sorted names, renames them in the string and template texts of every output chunk.
 *   A name must therefore be written whole, never built from an interpolation.
 *
 * `${…}` interpolations are never touched: they are code, and the minifier handles them.
 *
 * @module
 */
import MagicString from 'magic-string';
import { parseAst, Visitor, type Plugin } from 'vite';

/** Stands for an interpolation while its template's CSS is minified: a word no CSS contains. */
const HOLE = '\uE000';

/** The characters that need no white space on either side in CSS. */
const CSS_PUNCTUATION = new Set(['{', '}', ';', ',']);

/** White space as CSS and HTML define it (not, for one, the no-break space, which is text). */
const WHITE_SPACE = /[ \t\n\f\r]/;

/**
 * A private custom property: `--_` and the rest of its name, not part of a longer word. (`\P{ASCII}`
 * stands for the non-ASCII characters a CSS name may hold.)
 */
const PRIVATE_PROPERTY = /(?<![\w-])--_(?:[\w-]|\P{ASCII})+/gu;

/** A private custom property, or its `--_` start, that an interpolation would complete. */
const OPEN_PRIVATE_PROPERTY = /(?<![\w-])--_(?:[\w-]|\P{ASCII})*$/u;

/**
 * Minifies the CSS text of one template whose interpolations were replaced by {@link HOLE}.
 * Works on the template's raw source text, so escapes stay exactly as written.
 */
export function minifyCss(text: string): string {
  let out = '';
  /** White space (or a comment) was skipped since the last character written. */
  let pendingSpace = false;
  let i = 0;
  const write = (chunk: string): void => {
    const before = out.at(-1);
    // A space survives only between two characters that could otherwise run together.
    if (pendingSpace && before !== undefined && !CSS_PUNCTUATION.has(before) && before !== ':') {
      if (!CSS_PUNCTUATION.has(chunk[0]!)) out += ' ';
    }
    pendingSpace = false;
    out += chunk;
  };
  while (i < text.length) {
    const char = text[i]!;
    if (WHITE_SPACE.test(char)) {
      pendingSpace = true;
      i += 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      pendingSpace = true;
    } else if (char === '"' || char === "'") {
      const end = stringEnd(text, i);
      write(text.slice(i, end));
      i = end;
    } else if (/^url\([ \t\n\f\r]*[^'"]/i.test(text.slice(i, i + 40))) {
      // An unquoted URL may hold `/*`, quotes or white space that are part of it: keep it whole.
      // (A quoted one is a string, kept whole anyway.)
      const end = text.indexOf(')', i);
      const stop = end === -1 ? text.length : end + 1;
      write(text.slice(i, stop));
      i = stop;
    } else if (char === '\\') {
      // An escape (in CSS, or in the template literal) stays with the character it escapes.
      write(text.slice(i, i + 2));
      i += 2;
    } else if (char === '}' && out.at(-1) === ';') {
      // The last declaration of a block needs no `;`.
      out = out.slice(0, -1);
      pendingSpace = false;
      out += char;
      i += 1;
    } else {
      write(char);
      i += 1;
    }
  }
  return out;
}

/** Where the quoted string starting at `start` ends (after its closing quote). */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

/** Collapses each run of white space holding a line break to one space (`html` and `svg` text). */
export function collapseMarkup(text: string): string {
  return text.replace(/[ \t\f\r]*\n[ \t\n\f\r]*/g, ' ');
}

/** The text of one static part of a Lit template: where its raw source is, and what it becomes. */
interface TemplateText {
  start: number;
  end: number;
  /** The minified text. */
  text: string;
}

/** The minified static parts of a module's `css`, `html` and `svg` templates, in source order. */
type TemplateTexts = TemplateText[][];

/** Where each static part of a template literal's raw text starts in `code`. */
function rawStarts(
  code: string,
  quasis: ReadonlyArray<{ start: number; end: number; value: { raw: string } }>,
) {
  return quasis.map(({ start, end, value }) => {
    // Parsers differ on whether a part's span includes its delimiters (`` ` ``, `}`, `${`).
    const at = end - start === value.raw.length ? start : start + 1;
    if (code.slice(at, at + value.raw.length) !== value.raw) {
      throw new Error(`minify-lit-templates: cannot find a template's text at offset ${start}`);
    }
    return at;
  });
}

/** Every `css`, `html` and `svg` template of a module (TypeScript or JavaScript, as `id` says), minified. */
function litTemplates(code: string, id: string): TemplateTexts {
  const templates: TemplateTexts = [];
  if (!/\b(css|html|svg)`/.test(code)) return templates;
  const program = parseAst(code, { lang: /\.[cm]?tsx?$/.test(id) ? 'ts' : 'js' });
  new Visitor({
    TaggedTemplateExpression(node) {
      if (node.tag.type !== 'Identifier') return;
      const tag = node.tag.name;
      if (tag !== 'css' && tag !== 'html' && tag !== 'svg') return;
      const quasis = node.quasi.quasis;
      const starts = rawStarts(code, quasis);
      const raws = quasis.map((quasi) => quasi.value.raw);
      const minified =
        tag === 'css' ? minifyCss(raws.join(HOLE)).split(HOLE) : raws.map((raw) => collapseMarkup(raw));
      if (minified.length !== raws.length) {
        throw new Error(`minify-lit-templates: a css template at offset ${node.start} lost an interpolation`);
      }
      templates.push(
        minified.map((text, index) => {
          const start = starts[index]!;
          return { start, end: start + raws[index]!.length, text };
        }),
      );
    },
  }).visit(program);
  return templates;
}

/** The module with its templates' text replaced by the minified text. */
function applyTemplates(code: string, id: string, templates: TemplateTexts): MinifiedModule {
  const output = new MagicString(code);
  let changed = false;
  for (const { start, end, text } of templates.flat()) {
    if (text === code.slice(start, end)) continue;
    changed = true;
    if (text === '') output.remove(start, end);
    else output.overwrite(start, end, text);
  }
  if (!changed) return undefined;
  return { code: output.toString(), map: output.generateMap({ source: id, hires: 'boundary' }) };
}

/** The private custom properties the templates use. Throws on one an interpolation completes. */
function templateProperties(templates: TemplateTexts): Set<string> {
  const names = new Set<string>();
  for (const parts of templates) {
    parts.forEach(({ text, start }, index) => {
      for (const [name] of text.matchAll(PRIVATE_PROPERTY)) names.add(name);
      if (index < parts.length - 1 && OPEN_PRIVATE_PROPERTY.test(text)) {
        throw new Error(
          `minify-lit-templates: the custom property at offset ${start + text.length} is completed by an interpolation; write private names (--_…) whole`,
        );
      }
    });
  }
  return names;
}

/** The result of {@link minifyLitTemplates}: the new code and its source map, or nothing to change. */
export type MinifiedModule = { code: string; map: ReturnType<MagicString['generateMap']> } | undefined;

/**
 * Minifies the text of every `css`, `html` and `svg` tagged template in a module's source
 * (TypeScript or JavaScript, as `id`'s extension says). `undefined` when nothing changes.
 */
export function minifyLitTemplates(code: string, id: string): MinifiedModule {
  return applyTemplates(code, id, litTemplates(code, id));
}

/**
 * The private custom properties (`--_…`) that the `css`, `html` and `svg` templates of a module
 * use, e.g. `--_space-2`. Throws when one is built from an interpolation (`--_space-${step}`):
 * such a name cannot be renamed.
 */
export function templatePrivateProperties(code: string, id: string): Set<string> {
  return templateProperties(litTemplates(code, id));
}

/** The `index`-th short private name: `--_a` … `--_z`, then `--_aa`, `--_ab`, … */
function shortName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(97 + ((n - 1) % 26)) + name;
  }
  return `--_${name}`;
}

/**
 * The short name of each private custom property: in the sorted order of `names`, the shortest
 * names that are not `taken` (private names elsewhere in the build that keep theirs). The same
 * names always get the same short names, whichever module reported them first.
 */
export function shortPrivateProperties(
  names: Iterable<string>,
  taken: Iterable<string> = [],
): Map<string, string> {
  const keep = new Set(taken);
  const shortNames = new Map<string, string>();
  let index = 0;
  for (const name of [...new Set(names)].sort()) {
    let short = shortName(index++);
    while (keep.has(short)) short = shortName(index++);
    shortNames.set(name, short);
  }
  return shortNames;
}

/**
 * Renames private custom properties by `shortNames` in the string and template literal texts of
 * a chunk of JavaScript (never in its code: `--_a` may be a decrement there). `undefined` when
 * nothing changes.
 */
export function renamePrivateProperties(
  code: string,
  shortNames: ReadonlyMap<string, string>,
  fileName: string,
): MinifiedModule {
  if (shortNames.size === 0 || !code.includes('--_')) return undefined;
  const output = new MagicString(code);
  let changed = false;
  const rename = (start: number, end: number) => {
    for (const match of code.slice(start, end).matchAll(PRIVATE_PROPERTY)) {
      const short = shortNames.get(match[0]);
      if (short === undefined) continue;
      const at = start + match.index;
      output.overwrite(at, at + match[0].length, short);
      changed = true;
    }
  };
  new Visitor({
    Literal(node) {
      if (typeof node.value === 'string') rename(node.start, node.end);
    },
    TemplateLiteral(node) {
      rawStarts(code, node.quasis).forEach((start, index) => {
        rename(start, start + node.quasis[index]!.value.raw.length);
      });
    },
  }).visit(parseAst(code, { lang: 'js' }));
  if (!changed) return undefined;
  return { code: output.toString(), map: output.generateMap({ source: fileName, hires: 'boundary' }) };
}

/**
 * The Vite plugin: minifies Lit templates in the project's own modules (not in `node_modules`)
 * when building, and gives their private custom properties short names in the output. Runs before
 * TypeScript is stripped, on the sources as written.
 */
export function minifyLitTemplatesPlugin(): Plugin {
  /** The private custom properties each of our modules' templates use, by module id. */
  const propertiesByModule = new Map<string, ReadonlySet<string>>();
  /** The mapping of the output being written, made once the whole build is known. */
  let shortNames = new Map<string, string>();
  return {
    name: 'jt-users:minify-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform: {
      filter: { id: { include: /\.[cm]?[jt]sx?$/, exclude: /\/node_modules\// } },
      handler(code, id) {
        const templates = litTemplates(code, id);
        const names = templateProperties(templates);
        if (names.size > 0) propertiesByModule.set(id, names);
        else propertiesByModule.delete(id);
        return applyTemplates(code, id, templates);
      },
    },
    renderStart() {
      // Every module has been transformed by now; one that left the build (in watch mode) does
      // not count. A private name only other modules write (a dependency's, say) keeps its own,
      // so no short name may be one of those.
      const names = new Set<string>();
      const written = new Set<string>();
      for (const id of this.getModuleIds()) {
        for (const name of propertiesByModule.get(id) ?? []) names.add(name);
        const code = this.getModuleInfo(id)?.code ?? '';
        for (const [name] of code.matchAll(PRIVATE_PROPERTY)) written.add(name);
      }
      shortNames = shortPrivateProperties(
        names,
        [...written].filter((name) => !names.has(name)),
      );
    },
    renderChunk: (code, chunk) => renamePrivateProperties(code, shortNames, chunk.fileName),
  };
}
