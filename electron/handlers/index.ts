/**
 * createHandlers(services): every contract channel as a plain async function.
 * Transport-agnostic: electron/ipc/registry.ts binds them to ipcMain, the web
 * test bridge to HTTP; both call them through invokeChannel.
 */
import { accountHandlers } from './accounts';
import { appHandlers } from './app';
import { codeHandlers } from './codes';
import { enrollHandlers } from './enroll';
import { settingsHandlers } from './settings';
import type { Handlers, Services } from './types';
import { vaultHandlers } from './vault';

export type { Handler, Handlers, Platform, Services } from './types';
export { invokeChannel } from './invoke';
export { retryingVault } from './vault-access';

export function createHandlers(services: Services): Handlers {
  return {
    ...accountHandlers(services),
    ...codeHandlers(services),
    ...enrollHandlers(services),
    ...vaultHandlers(services),
    ...settingsHandlers(services),
    ...appHandlers(services),
  } satisfies Handlers;
}
