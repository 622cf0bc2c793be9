/**
 * What Storybook's controls and docs tables get from the elements' manifest (`forStorybook`):
 * every public property, once, under the camelCase name the stories' args use.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { forStorybook } from '../../.storybook/manifest.js';

const MANIFEST = new URL('../../packages/elements/custom-elements.json', import.meta.url);

interface Declaration {
  tagName?: string;
  members?: Array<{ name: string; kind: string; privacy?: string; readonly?: boolean }>;
  attributes?: Array<{ name: string; fieldName?: string }>;
  cssParts?: Array<{ name: string }>;
  slots?: Array<{ name: string }>;
}

async function elements(): Promise<Map<string, Declaration>> {
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Parameters<typeof forStorybook>[0];
  const shaped = forStorybook(manifest) as { modules: Array<{ declarations?: Declaration[] }> };
  const byTag = new Map<string, Declaration>();
  for (const module of shaped.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) byTag.set(declaration.tagName, declaration);
    }
  }
  return byTag;
}

const PROPERTIES: Record<string, string[]> = {
  'jt-confirm-dialog': ['heading', 'message', 'confirmLabel', 'cancelLabel', 'tone', 'theme'],
  'jt-user-table': [
    'profileHref',
    'pageSize',
    'search',
    'statusFilter',
    'sort',
    'client',
    'apiBase',
    'currentUser',
    'theme',
  ],
  'jt-user-profile': ['userId', 'user', 'client', 'apiBase', 'currentUser', 'theme'],
  'jt-user-status-toggle': ['userId', 'user', 'client', 'apiBase', 'currentUser', 'theme'],
};

test('every public property of each element is a row, and its attribute is not a second one', async () => {
  const byTag = await elements();
  assert.deepEqual([...byTag.keys()].sort(), Object.keys(PROPERTIES).sort());
  for (const [tag, expected] of Object.entries(PROPERTIES)) {
    const declaration = byTag.get(tag)!;
    const names = new Set(declaration.members?.map((member) => member.name));
    // What a host may set: exactly the element's properties, no internals.
    const settable = declaration.members?.filter((member) => member.kind === 'field' && !member.readonly);
    assert.deepEqual(
      settable?.map((member) => member.name).sort(),
      [...expected].sort(),
      `${tag}: settable rows`,
    );
    for (const member of declaration.members ?? []) {
      assert.ok(!member.name.startsWith('#'), `${tag}: ${member.name} is private`);
      assert.ok(
        member.privacy === undefined || member.privacy === 'public',
        `${tag}: ${member.name} is ${member.privacy}`,
      );
    }
    const doubled = declaration.attributes?.filter((attribute) => names.has(attribute.fieldName ?? ''));
    assert.deepEqual(doubled, [], `${tag}: attributes that repeat a property`);
    for (const part of declaration.cssParts ?? []) assert.match(part.name, /^::part\(.+\)$/);
  }
});

test('every slot has a name Storybook keeps, the default slot too', async () => {
  const byTag = await elements();
  const slots = (tag: string) => byTag.get(tag)?.slots?.map((slot) => slot.name);
  assert.deepEqual(slots('jt-confirm-dialog'), ['(default)']);
  assert.deepEqual(slots('jt-user-table'), ['actions']);
});

test('every --jt- custom property the styles read is documented on every element that reads it', async () => {
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as {
    modules: Array<{
      path: string;
      declarations?: Array<Declaration & { cssProperties?: Array<{ name: string }> }>;
    }>;
  };
  const source = (path: string) =>
    readFile(new URL(`../../packages/elements/src/${path}`, import.meta.url), 'utf8');
  const tokensIn = (text: string) => new Set(text.match(/--jt-[a-z0-9-]+/g) ?? []);
  // Every element includes the shared theme, which maps every public token.
  const shared = tokensIn(await source('shared/theme.ts'));
  const ownStyles: Record<string, string> = {
    'jt-confirm-dialog': 'confirm-dialog/confirm-dialog.styles.ts',
    'jt-user-table': 'user-table/user-table.styles.ts',
    'jt-user-profile': 'user-profile/user-profile.styles.ts',
    'jt-user-status-toggle': 'user-status-toggle/user-status-toggle.styles.ts',
  };
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const documented = new Set(declaration.cssProperties?.map((property) => property.name));
      const read = new Set([...tokensIn(await source(ownStyles[declaration.tagName]!))]);
      // The dialog reads only some of the theme's tokens; the other elements hold a dialog too.
      if (declaration.tagName !== 'jt-confirm-dialog') for (const token of shared) read.add(token);
      const missing = [...read].filter((token) => !documented.has(token));
      assert.deepEqual(missing, [], `${declaration.tagName}: read but not documented`);
    }
  }
});
