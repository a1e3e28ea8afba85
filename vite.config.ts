import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const rendererDir = resolve(import.meta.dirname, 'renderer');

/**
 * Two pages on the same app:// origin: the main window and the quick-pick
 * window. Only for our renderer root: a test that builds its own page with
 * this config (tests/unit/qr/worker-browser.test.ts) keeps its single index.html.
 */
const appPages: Plugin = {
  name: 'authdesk-pages',
  config(config) {
    if (resolve(config.root ?? '.') !== rendererDir) return;
    return {
      build: {
        rollupOptions: {
          input: {
            main: resolve(rendererDir, 'index.html'),
            quickPick: resolve(rendererDir, 'quick-pick/index.html'),
          },
        },
      },
    };
  },
};

// The renderer bundle. `base: './'` so the same files load from app:// in
// Electron and from 127.0.0.1 in the browser tests and `npm run preview:web`.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), appPages],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // The zxing wasm is loaded from the bundle, never from a CDN.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
