/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { withActions } from 'storybook/actions/decorator';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { LoaderFunction, Renderer } from 'storybook/internal/types';
import manifest from '@jt-users/elements/custom-elements.json' with { type: 'json' };
import '@jt-users/elements/define';
import { StoryBackend } from '../stories/support.js';
import { forStorybook } from './manifest.js';
import './preview.css';

// Controls and the docs tables (properties, attributes, events, slots, parts, CSS properties)
// come from the analyzer's manifest of the elements' JSDoc.
setCustomElementsManifest(forStorybook(manifest));

/** Every event an element fires (its `@fires`), shown in the Actions panel as it happens. */
const firedEvents = [
  ...new Set(
    manifest.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((declaration) =>
        'events' in declaration ? (declaration.events ?? []).map((event) => event.name) : [],
      ),
    ),
  ),
];

/** msw's worker, started once; requests that are not the contract's go to the network untouched. */
async function startWorker() {
  const worker = setupWorker();
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return worker;
}

/**
 * Connects the story's own reference API (`parameters.backend`, see `backend()` in
 * stories/support.ts) before every render: fresh data, the story's faults and a new client.
 */
const connectBackend: LoaderFunction<Renderer> = ({ parameters }) => {
  const backend: unknown = parameters.backend;
  return backend instanceof StoryBackend ? { backend: backend.connect() } : {};
};

const preview: Preview = {
  // The addon's loader starts the worker and installs the story's `parameters.msw` handlers.
  loaders: [mswLoader(startWorker), connectBackend],
  // Objects a host hands over in code, and what an element only tells: the docs list them, a
  // control could not set them.
  argTypes: Object.fromEntries(
    ['client', 'user', 'currentUser', 'store', 'viewer', 'access', 'locale', 'strings'].map((name) => [
      name,
      { control: false },
    ]),
  ),
  parameters: {
    actions: { handles: firedEvents },
    msw: [],
    controls: { expanded: true },
    docs: {
      // Each story of a docs page in its own frame: msw's handlers and modal dialogs are per page.
      story: { inline: false, iframeHeight: 360 },
    },
  },
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme of the page and the elements',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [
    // Listens at the story's root for `parameters.actions.handles`: the elements' events bubble
    // and cross shadow roots, so every one of them reaches it.
    withActions,
    // Like a host page: the language and scheme are set on the document, and the elements follow
    // (a dialog on its own takes the language when it next renders, as it does on a page).
    (story, { globals }) => {
      const root = document.documentElement;
      root.lang = globals.locale === 'de' ? 'de' : 'en';
      root.dataset.theme = globals.theme === 'dark' ? 'dark' : 'light';
      return story();
    },
  ],
  tags: ['autodocs'],
};

export default preview;
