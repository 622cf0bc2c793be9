/**
 * The single-file build, `packages/elements/dist/jt-users.min.js`, as a CDN user meets it: a
 * page with one `<script type="module">` and nothing else. Needs `npm run build` first (`npm test`
 * runs it before the browser tests).
 */
import { expect } from '@open-wc/testing';

const BUNDLE_URL = '/packages/elements/dist/jt-users.min.js';
const TAGS = ['jt-user-table', 'jt-user-profile', 'jt-user-status-toggle', 'jt-confirm-dialog'] as const;

interface BarePage {
  window: Window & typeof globalThis & { loadErrors: string[] };
  document: Document;
}

/** An iframe whose whole document is the bundle's script tag, one element, and an error recorder. */
async function openBarePage(): Promise<BarePage> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html>
<html lang="en">
  <head>
    <script>window.loadErrors = []; addEventListener('error', (event) => loadErrors.push(String(event.message)));</script>
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
    const table = page.document.querySelector('jt-user-table') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
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

  it('imports nothing: every dependency is inside the file', async () => {
    const code = await (await fetch(BUNDLE_URL)).text();
    // A bare specifier (`from "lit"`) would fail in a plain page; a relative one would mean a
    // second file to host. Either way the bundle would not stand alone.
    const imports = code.match(
      /(?:^|[;\s}])(?:import|export)\s*[\w*{}\s,$]*?from\s*["'][^"']+["']|\bimport\s*\(|(?:^|[;\s}])import\s*["'][^"']+["']/g,
    );
    expect(imports ?? [], 'import statements in the bundle').to.deep.equal([]);
  });
});
