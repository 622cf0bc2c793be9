/** The Vue host page: mounts {@link App} with this page's signed-in client. */
import { createApp } from 'vue';
import { demoClient } from '../session.js';
import { App } from './App.js';

createApp(App, { client: demoClient() }).mount('#app');
