/**
 * The Vue 3 host (demo/vue): Vue passes the client as a DOM property, listens to the
 * elements' events through `on…` props of its render functions, and switches views with a ref.
 */
import { createApp, type App as VueApp } from 'vue';
import { App } from '../../demo/vue/App.js';
import { describeHostJourney } from './support.js';

let app: VueApp | undefined;

describeHostJourney('the Vue host (demo/vue)', {
  mount(host, client) {
    app = createApp(App, { client });
    app.mount(host);
  },
  unmount() {
    app?.unmount();
    app = undefined;
  },
});
