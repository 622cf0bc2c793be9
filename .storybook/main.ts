import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Serves msw's worker from the installed package in development and emits it into the static
 * build, so the worker always matches the msw version the stories run with.
 */
function mockServiceWorker(): Plugin {
  const source = () => readFile(require.resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'jt-users:mock-service-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
        void source().then((code) => {
          response.setHeader('Content-Type', 'application/javascript');
          response.end(code);
        });
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: await source() });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig, defaultClientConditions } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['source', ...defaultClientConditions] },
      plugins: [mockServiceWorker()],
      // Storybook's own preview runtime is one chunk of about 1 MB; the size warning says nothing
      // about the elements (their bundle has its own budget).
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
