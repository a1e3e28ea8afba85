/**
 * The Content-Security-Policy of the renderer. main sends it as a response
 * header on everything app:// serves; renderer/index.html carries the same
 * policy in a <meta> (so the bundle is also protected when the browser tests
 * load it over http). tests/electron/csp.test.ts fails if the two drift.
 *
 * Why each source is there:
 * - 'wasm-unsafe-eval': the QR decoder (zxing-wasm) compiles WebAssembly; no JS eval.
 * - blob: for worker-src/img-src/media-src: the decoder worker and captured frames.
 * - mediastream: the camera and screen-capture streams shown in <video>.
 * - no remote origins anywhere: the app loads nothing from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
