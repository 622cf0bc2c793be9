/**
 * The build step that minifies the text of Lit's `css`, `html` and `svg` templates: what it
 * takes out, what it must leave as written, and that its source map still points at the source.
 */
import assert from 'node:assert/strict';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { describe, test } from 'node:test';
import { build, type Plugin, type Rolldown } from 'vite';
import {
  minifyLitTemplates,
  minifyLitTemplatesPlugin,
  renamePrivateProperties,
  shortPrivateProperties,
  templatePrivateProperties,
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

describe('private custom properties', () => {
  test('the templates report the private names they use, never public ones or those outside templates', () => {
    const code = [
      "const note = '--_outside';",
      'let _count = 2; --_count;',
      'const styles = css`:host { --_space-2: var(--jt-space-2, 0.5rem); } a { margin: var(--_space-2); }`;',
      'const view = html`<p style="padding: var(--_gap)">${text}</p>`;',
    ].join('\n');
    assert.deepEqual([...templatePrivateProperties(code, 'styles.ts')].sort(), ['--_gap', '--_space-2']);
  });

  test('a name an interpolation completes cannot be renamed, so it fails the build', () => {
    assert.throws(
      () => templatePrivateProperties('css`a { color: var(--_tone-${tone}); }`', 'a.ts'),
      /whole/,
    );
    assert.throws(() => templatePrivateProperties('css`a { color: var(--_${tone}); }`', 'a.ts'), /whole/);
    // A whole name next to an interpolation is fine.
    assert.deepEqual(
      [...templatePrivateProperties('css`a { margin: var(--_gap) ${more}; }`', 'a.ts')],
      ['--_gap'],
    );
  });

  test('short names follow the sorted names, whatever order they were reported in', () => {
    const expected = new Map([
      ['--_bg', '--_a'],
      ['--_radius', '--_b'],
      ['--_space-2', '--_c'],
    ]);
    assert.deepEqual(shortPrivateProperties(['--_space-2', '--_bg', '--_radius']), expected);
    assert.deepEqual(shortPrivateProperties(['--_radius', '--_space-2', '--_bg', '--_bg']), expected);
  });

  test('short names skip the names others keep, and go on with two letters after z', () => {
    assert.deepEqual(
      shortPrivateProperties(['--_x', '--_y'], ['--_a', '--_c']),
      new Map([
        ['--_x', '--_b'],
        ['--_y', '--_d'],
      ]),
    );
    const many = Array.from({ length: 28 }, (_, index) => `--_token-${String(index).padStart(2, '0')}`);
    assert.deepEqual([...shortPrivateProperties(many).values()].slice(24), [
      '--_y',
      '--_z',
      '--_aa',
      '--_ab',
    ]);
  });

  test('renaming touches string and template texts only, and only the names it was given', () => {
    const shortNames = new Map([
      ['--_bg', '--_a'],
      ['--_gap', '--_b'],
    ]);
    const code = [
      'let _bg = 1; --_bg;',
      'const styles = t`a{background:var(--_bg);margin:var(--_gap) ${--_bg}}`;',
      "el.style.setProperty('--_bg', 'red');",
      'const kept = "var(--_other) var(--jt-bg) var(--_bg-2)";',
    ].join('\n');
    const result = renamePrivateProperties(code, shortNames, 'chunk.js');
    assert.ok(result);
    assert.equal(
      result.code,
      [
        'let _bg = 1; --_bg;',
        'const styles = t`a{background:var(--_a);margin:var(--_b) ${--_bg}}`;',
        "el.style.setProperty('--_a', 'red');",
        'const kept = "var(--_other) var(--jt-bg) var(--_bg-2)";',
      ].join('\n'),
    );
    assert.equal(renamePrivateProperties('const a = "--_other";', shortNames, 'chunk.js'), undefined);
  });

  /** Modules served from memory: `id` → source. */
  function virtualModules(modules: Record<string, string>): Plugin {
    return {
      name: 'virtual-modules',
      enforce: 'pre',
      resolveId: (specifier) => (specifier in modules ? specifier : undefined),
      load: (id) => modules[id],
    };
  }

  /** Builds `entry` with the plugin, as the project builds its bundle, and returns the output code. */
  async function buildWithPlugin(modules: Record<string, string>): Promise<string> {
    const result = (await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [virtualModules(modules), minifyLitTemplatesPlugin()],
      build: {
        write: false,
        minify: true,
        lib: { entry: '/src/entry.ts', formats: ['es'], fileName: () => 'out.js' },
      },
    })) as Rolldown.RolldownOutput[];
    return result[0]!.output.map((item) => (item.type === 'chunk' ? item.code : '')).join('\n');
  }

  const theme = [
    'const css = String.raw;',
    'export const theme = css`:host { --_space-2: var(--jt-space-2, 8px); --_border: var(--jt-color-border, gray); }`;',
  ].join('\n');
  const table = [
    'const css = String.raw;',
    'export const table = css`td { padding: var(--_space-2); border: 1px solid var(--_border); }`;',
  ].join('\n');
  /** Written by a module outside the templates (as a dependency would): it keeps its name. */
  const other = "export const other = 'var(--_a)';";

  /** Both modules use the short names the sorted names get: `--_a` is taken, then `--_border`, `--_space-2`. */
  function assertSameShortNames(output: string): void {
    assert.match(output, /:host\{--_c:var\(--jt-space-2,8px\);--_b:var\(--jt-color-border,gray\)\}/);
    assert.match(output, /td\{padding:var\(--_c\);border:1px solid var\(--_b\)\}/);
    assert.match(output, /"var\(--_a\)"/);
    assert.doesNotMatch(output, /--_space-2|--_border/);
  }

  test('a build gives each private name one short name in every module, the same in every build', async () => {
    assertSameShortNames(
      await buildWithPlugin({
        '/src/entry.ts':
          "export * from '/src/table.ts'; export * from '/src/theme.ts'; export * from '/src/other.ts';",
        '/src/theme.ts': theme,
        '/src/table.ts': table,
        '/src/other.ts': other,
      }),
    );
    // Imported the other way round, the modules are transformed in another order: same names.
    assertSameShortNames(
      await buildWithPlugin({
        '/src/entry.ts':
          "export * from '/src/other.ts'; export * from '/src/theme.ts'; export * from '/src/table.ts';",
        '/src/theme.ts': theme,
        '/src/table.ts': table,
        '/src/other.ts': other,
      }),
    );
  });
});
