/** The React host page: mounts {@link App} with this page's signed-in client. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demoClient } from '../session.js';
import { App } from './App.js';

createRoot(document.querySelector('#app')!).render(
  <StrictMode>
    <App client={demoClient()} />
  </StrictMode>,
);
