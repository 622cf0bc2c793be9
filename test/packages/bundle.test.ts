/**
 * The single-file build, `packages/elements/dist/jt-users.min.js`, as a CDN user meets it: a
 * page with one `<script type="module">` and nothing else. Needs `npm run build` first (`npm test`
 * runs it before the browser tests).
 */
import { expect } from '@open-wc/testing';

const BUNDLE_URL = '/packages/elements/dist/jt-users.min.js';
/** The German strings, which the bundle loads from next to itself on a German page only. */
const GERMAN_CHUNK = 'jt-users-de.min.js';
const GERMAN_URL = new URL(GERMAN_CHUNK, new URL(BUNDLE_URL, location.href)).href;
const TAGS = ['jt-user-table', 'jt-user-profile', 'jt-user-status-toggle', 'jt-confirm-dialog'] as const;

interface BarePage {
  window: Window & typeof globalThis & { loadErrors: string[]; rejections: string[] };
  document: Document;
}

interface BarePageOptions {
  /** An import map to put before the bundle's script, e.g. to make the German file unreachable. */
  importMap?: Record<string, string>;
}

/**
 * An iframe whose whole document is the bundle's script tag, one element, and a recorder of
 * errors and unhandled rejections.
 */
async function openBarePage(options: BarePageOptions = {}): Promise<BarePage> {
  const frame = document.createElement('iframe');
  const importMap = options.importMap
    ? `<script type="importmap">${JSON.stringify({ imports: options.importMap })}</script>`
    : '';
  frame.srcdoc = `<!doctype html>
<html lang="en">
  <head>
    <script>
      window.loadErrors = [];
      window.rejections = [];
      addEventListener('error', (event) => loadErrors.push(String(event.message)));
      addEventListener('unhandledrejection', (event) => rejections.push(String(event.reason)));
    </script>
    ${importMap}
    <script type="module" src="${BUNDLE_URL}"></script>
  </head>
  <body><jt-user-table></jt-user-table></body>
</html>`;
  // Module scripts run before `load`, so every tag is defined (or has failed) by then.
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { window: frame.contentWindow as BarePage['window'], document: frame.contentDocument! };
}

type LitLike = HTMLElement & { updateComplete: Promise<boolean> };

/** The notice a table without a client shows: text that needs no API, in the table's language. */
async function tableNotice(page: BarePage): Promise<string | undefined> {
  const table = page.document.querySelector('jt-user-table') as LitLike;
  await table.updateComplete;
  return table.shadowRoot?.querySelector('[part~="notice"]')?.textContent?.trim();
}

/** Whether the page fetched the German strings file. */
function fetchedGerman(page: BarePage): boolean {
  return page.window.performance.getEntriesByType('resource').some((entry) => entry.name === GERMAN_URL);
}

describe('the single-file bundle', () => {
  before(async () => {
    const response = await fetch(BUNDLE_URL, { method: 'HEAD' });
    if (!response.ok) {
      throw new Error(
        `${BUNDLE_URL} answered ${response.status}: run \`npm run build\` before the browser tests`,
      );
    }
  });

  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('defines every tag in a bare page with nothing else loaded', async () => {
    const page = await openBarePage();
    expect(page.window.loadErrors, 'errors while loading the bundle').to.deep.equal([]);
    for (const tag of TAGS) {
      expect(page.window.customElements.get(tag), `<${tag}> is not defined`).to.be.a('function');
    }
    const table = page.document.querySelector('jt-user-table') as LitLike;
    await table.updateComplete;
    expect(table.shadowRoot, 'the table in the page did not render').to.exist;
  });

  it('exports createUsersClient and the element classes it defines', async () => {
    const bundle = (await import(/* @vite-ignore */ BUNDLE_URL)) as Record<string, unknown>;
    expect(bundle.createUsersClient).to.be.a('function');
    expect(bundle.isUsersApiError).to.be.a('function');
    expect(bundle.setStrings).to.be.a('function');
    expect(customElements.get('jt-user-table')).to.equal(bundle.JtUserTable);
    expect(customElements.get('jt-user-profile')).to.equal(bundle.JtUserProfile);
    expect(customElements.get('jt-user-status-toggle')).to.equal(bundle.JtUserStatusToggle);
    expect(customElements.get('jt-confirm-dialog')).to.equal(bundle.JtConfirmDialog);
  });

  it('styles its elements with the theme, whose tokens a host still overrides', async () => {
    // The theme defines the private tokens and each element's styles read them; the build
    // shortens their names, so this fails if one file's names no longer match another's.
    const page = await openBarePage();
    const element = page.document.createElement('jt-confirm-dialog') as LitLike;
    page.document.body.append(element);
    await element.updateComplete;
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    const style = page.window.getComputedStyle(dialog);
    expect(style.paddingTop, '--jt-space-6 by default').to.equal('24px');
    expect(style.borderTopLeftRadius, '--jt-radius-large by default').to.equal('10px');
    element.style.setProperty('--jt-space-6', '30px');
    expect(page.window.getComputedStyle(dialog).paddingTop, "the host's --jt-space-6").to.equal('30px');
  });

  it('imports nothing but its German strings, from next to itself', async () => {
    const code = await (await fetch(BUNDLE_URL)).text();
    // A bare specifier (`from "lit"`) would fail in a plain page; any other relative file would
    // be one more file to host. Only the German strings load from a second file, on demand.
    const imports = code.match(
      /(?:^|[;\s}])(?:import|export)\s*[\w*{}\s,$]*?from\s*["'][^"']+["']|(?:^|[;\s}])import\s*["'][^"']+["']/g,
    );
    expect(imports ?? [], 'import statements in the bundle').to.deep.equal([]);
    const loads = [...code.matchAll(/\bimport\s*\(([^)]*)\)/g)].map(([, specifier]) =>
      specifier!.trim().replace(/^(["'`])(.*)\1$/, '$2'),
    );
    expect(loads, 'dynamic imports in the bundle').to.deep.equal([`./${GERMAN_CHUNK}`]);
  });

  it('speaks German once an element is switched to it, loading the German file only then', async () => {
    const page = await openBarePage();
    const english = await tableNotice(page);
    expect(english).to.equal('No user API is configured for this element.');
    expect(fetchedGerman(page), 'German fetched for an English page').to.equal(false);

    page.document.querySelector('jt-user-table')!.setAttribute('lang', 'de');
    expect(await tableNotice(page)).to.equal('Für dieses Element ist keine Benutzer-API eingerichtet.');
    expect(fetchedGerman(page), 'German not fetched from next to the bundle').to.equal(true);
    expect(page.window.loadErrors).to.deep.equal([]);
    expect(page.window.rejections).to.deep.equal([]);
  });

  it('stays in English when the German file cannot be loaded', async () => {
    const page = await openBarePage({ importMap: { [GERMAN_URL]: '/packages/elements/dist/missing.js' } });
    page.document.querySelector('jt-user-table')!.setAttribute('lang', 'de');
    expect(await tableNotice(page)).to.equal('No user API is configured for this element.');
    expect(page.window.loadErrors).to.deep.equal([]);
    expect(page.window.rejections, 'unhandled rejections').to.deep.equal([]);
  });
});
