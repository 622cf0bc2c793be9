/** The React host page: mounts {@link App} with this page's signed-in client and language. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { language } from '../host-text.js';
import { demoClient } from '../session.js';
import { startSettings } from '../settings.js';
import { App } from './App.js';

const client = demoClient();
const root = createRoot(document.querySelector('#app')!);

function render(): void {
  root.render(
    <StrictMode>
      <App client={client} language={language()} />
    </StrictMode>,
  );
}

startSettings(document.querySelector('.top-bar')!, render);
render();
