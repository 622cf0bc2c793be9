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

/** One template text to replace: the raw source between `start` and `end`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

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

/** The edits that minify every `css`, `html` and `svg` template of a module. */
function templateEdits(code: string, lang: 'js' | 'ts'): Edit[] {
  const edits: Edit[] = [];
  const program = parseAst(code, { lang });
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
      minified.forEach((text, index) => {
        const start = starts[index]!;
        const end = start + raws[index]!.length;
        if (text !== raws[index]) edits.push({ start, end, text });
      });
    },
  }).visit(program);
  return edits;
}

/** The result of {@link minifyLitTemplates}: the new code and its source map, or nothing to change. */
export type MinifiedModule = { code: string; map: ReturnType<MagicString['generateMap']> } | undefined;

/**
 * Minifies the text of every `css`, `html` and `svg` tagged template in a module's source
 * (TypeScript or JavaScript, as `id`'s extension says). `undefined` when nothing changes.
 */
export function minifyLitTemplates(code: string, id: string): MinifiedModule {
  if (!/\b(css|html|svg)`/.test(code)) return undefined;
  const edits = templateEdits(code, /\.[cm]?tsx?$/.test(id) ? 'ts' : 'js');
  if (edits.length === 0) return undefined;
  const output = new MagicString(code);
  for (const { start, end, text } of edits) {
    if (text === '') output.remove(start, end);
    else output.overwrite(start, end, text);
  }
  return { code: output.toString(), map: output.generateMap({ source: id, hires: 'boundary' }) };
}

/**
 * The Vite plugin: minifies Lit templates in the project's own modules (not in `node_modules`)
 * when building. Runs before TypeScript is stripped, on the sources as written.
 */
export function minifyLitTemplatesPlugin(): Plugin {
  return {
    name: 'jt-users:minify-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform: {
      filter: { id: { include: /\.[cm]?[jt]sx?$/, exclude: /\/node_modules\// } },
      handler: (code, id) => minifyLitTemplates(code, id),
    },
  };
}
