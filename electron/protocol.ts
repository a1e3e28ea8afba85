/**
 * app://authdesk/… : the renderer bundle, served from dist/renderer and from
 * nowhere else. A privileged standard scheme gives the page a real origin
 * (so CSP 'self', module workers, fetch of the wasm and the sender checks all
 * work) without the extra powers file:// pages get in Electron.
 */
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './ipc/origin';
import { respondFromBundle } from './protocol-files';

export { mimeTypeOf, resolveBundlePath, respondFromBundle } from './protocol-files';

/** Must run before app 'ready' (Electron only accepts privileged schemes then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves `rootDir` (dist/renderer) on app://authdesk/ in `session`. */
export function serveBundle(session: Session, rootDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => respondFromBundle(rootDir, request.url, request.method));
}
