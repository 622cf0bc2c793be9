/**
 * The build step that minifies the text of Lit's `css`, `html` and `svg` templates: what it
 * takes out, what it must leave as written, and that its source map still points at the source.
 */
import assert from 'node:assert/strict';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { describe, test } from 'node:test';
import {
  minifyLitTemplates,
  minifyLitTemplatesPlugin,
} from '../../packages/elements/scripts/minify-lit-templates.js';

/** The module `code` becomes (it must change). */
function minified(code: string, id = 'module.ts'): string {
  const result = minifyLitTemplates(code, id);
  assert.ok(result, 'the module did not change');
  return result.code;
}

describe('css templates', () => {
  test('drop comments, white space around { } ; , and after :, and the last ; of a block', () => {
    const code = `const styles = css\`
  /* The host. */
  :host {
    display: block;
    color-scheme: var(--jt-color-scheme, light dark);
  }

  a ,
  b {
    margin: 0   auto; /* centred */
  }
\`;`;
    assert.equal(
      minified(code),
      'const styles = css`:host{display:block;color-scheme:var(--jt-color-scheme,light dark)}a,b{margin:0 auto}`;',
    );
  });

  test('keep the space of a descendant selector, also before a pseudo-class', () => {
    const code =
      "css`[part~='row']:last-child [part~='cell'] { border: 0; } .a :focus-visible { outline: none; }`";
    assert.equal(
      minified(code),
      "css`[part~='row']:last-child [part~='cell']{border:0}.a :focus-visible{outline:none}`",
    );
  });

  test('keep strings, url(…) and escapes exactly as written', () => {
    const code = [
      'css`a::before {',
      "  content: '  /* not a comment */ ;  ';",
      '  background: url( data:image/svg+xml;utf8,<svg  x="1"/> ) no-repeat;',
      '  quotes: "\\\\201C" "\\\\201D";',
      '}',
      '.a\\\\:b { x: y; }`',
    ].join('\n');
    assert.equal(
      minified(code),
      'css`a::before{content:\'  /* not a comment */ ;  \';background:url( data:image/svg+xml;utf8,<svg  x="1"/> ) no-repeat;quotes:"\\\\201C" "\\\\201D"}.a\\\\:b{x:y}`',
    );
  });

  test('leave ${…} interpolations untouched, nested templates and braces included', () => {
    const code =
      'css`\n  a {\n    color: ${tone};\n    margin: ${ size(`${ { a: 1 }.a }px`) }   0;\n  }\n  ${more} b { top: 0; }\n`';
    assert.equal(
      minified(code),
      'css`a{color:${tone};margin:${ size(`${ { a: 1 }.a }px`) } 0}${more} b{top:0}`',
    );
  });
});

describe('html and svg templates', () => {
  test('turn white space holding a line break into one space, never into none', () => {
    const code = 'html`\n  <p part="notice">\n    ${text}\n    <b>a  b</b>\n  </p>\n`';
    assert.equal(minified(code), 'html` <p part="notice"> ${text} <b>a  b</b> </p> `');
  });

  test('collapse line breaks between attributes and in svg', () => {
    const code = 'svg`<path\n      d="M1 1"\n    ></path>`';
    assert.equal(minified(code), 'svg`<path d="M1 1" ></path>`');
  });

  test('keep a no-break space: it is text, not white space', () => {
    const code = 'html`<p>a\u00a0\n  b</p>`';
    assert.equal(minified(code), 'html`<p>a\u00a0 b</p>`');
  });
});

describe('the module around the templates', () => {
  test('other templates, strings and TypeScript stay as written', () => {
    const code = [
      'const plain: string = `a\n    b`;',
      'const tagged = String.raw`c\n    d`;',
      "const quoted = 'css`a { b: c; }`';",
      'const styles = css`a { b: c; }`;',
    ].join('\n');
    assert.equal(
      minified(code),
      [
        'const plain: string = `a\n    b`;',
        'const tagged = String.raw`c\n    d`;',
        "const quoted = 'css`a { b: c; }`';",
        'const styles = css`a{b:c}`;',
      ].join('\n'),
    );
  });

  test('reports no change when there is nothing to minify', () => {
    assert.equal(minifyLitTemplates('const a = 1;', 'a.ts'), undefined);
    assert.equal(minifyLitTemplates('const s = css`a{b:c}`;', 's.js'), undefined);
  });

  test('maps code after a minified template back to its own line', () => {
    const code = 'const styles = css`\n  a {\n    b: c;\n  }\n`;\nexport const after = 1;\n';
    const result = minifyLitTemplates(code, 'styles.ts');
    assert.ok(result);
    const generated = result.code.split('\n');
    const line = generated.findIndex((text) => text.startsWith('export const after'));
    const entry = new SourceMap(JSON.parse(result.map.toString()) as SourceMapPayload).findEntry(line, 0);
    assert.ok('originalLine' in entry, 'no mapping for the code after the template');
    assert.equal(entry.originalLine, 5);
    assert.equal(entry.originalSource, 'styles.ts');
  });

  test('the plugin runs in builds only, before TypeScript is stripped, and skips dependencies', () => {
    const plugin = minifyLitTemplatesPlugin();
    assert.equal(plugin.apply, 'build');
    assert.equal(plugin.enforce, 'pre');
    const transform = plugin.transform as { filter: { id: { include: RegExp; exclude: RegExp } } };
    assert.ok(transform.filter.id.include.test('/repo/packages/elements/src/shared/theme.ts'));
    assert.ok(transform.filter.id.exclude.test('/repo/node_modules/lit/index.js'));
  });
});
