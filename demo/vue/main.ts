/** The Vue host page: mounts {@link App} with this page's signed-in client and language. */
import { createApp, h, ref } from 'vue';
import { language, type Language } from '../host-text.js';
import { demoClient } from '../session.js';
import { startSettings } from '../settings.js';
import { App } from './App.js';

const client = demoClient();
const shownLanguage = ref<Language>('en');

startSettings(document.querySelector('.top-bar')!, () => (shownLanguage.value = language()));
// The stored language is on the page now.
shownLanguage.value = language();
createApp(() => h(App, { client, language: shownLanguage.value })).mount('#app');
