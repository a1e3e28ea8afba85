import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

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
  },
  worker: { format: 'es' },
});
