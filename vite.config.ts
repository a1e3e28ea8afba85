import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The renderer bundle. `base: './'` so the same files load from app:// in
// Electron and from 127.0.0.1 in the browser tests and `npm run preview:web`.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // The zxing wasm is loaded from the bundle, never from a CDN.
    assetsInlineLimit: 0,
    // Two pages on the same app:// origin: the main window and the quick-pick window.
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'renderer/index.html'),
        quickPick: resolve(import.meta.dirname, 'renderer/quick-pick/index.html'),
      },
    },
  },
  worker: { format: 'es' },
});
