/**
 * createHandlers(services): every contract channel as a plain async function.
 * Transport-agnostic: electron/ipc/registry.ts binds them to ipcMain, the web
 * test bridge to HTTP; both call them through invokeChannel.
 */
import { accountHandlers } from './accounts';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import { codeHandlers } from './codes';
import { enrollHandlers } from './enroll';
import { exportHandlers } from './export';
import { importHandlers } from './import';
import { ImportSessions } from './import-sessions';
import { PendingDrafts } from './pending-drafts';
import { settingsHandlers } from './settings';
import { AuthdeskError } from '../../common/errors';
import type { Handlers, Services } from './types';
import { vaultHandlers } from './vault';

export type { Handler, Handlers, Platform, Services } from './types';
export { invokeChannel } from './invoke';
export { retryingVault } from './vault-access';
export { createDesktopServices, type DesktopServices } from './desktop-services';

export function createHandlers(services: Services): Handlers {
  // One store of imports in progress: a transfer code scanned in the enroll flow is committed by transfer.import*.
  const imports = new ImportSessions(services.clock);
  return {
    ...accountHandlers(services),
    ...lockedOut(services, codeHandlers(services)),
    ...enrollHandlers(services, new PendingDrafts(services.clock), imports),
    ...importHandlers(services, imports),
    ...exportsWhileUnlocked(services),
    ...vaultHandlers(services),
    ...settingsHandlers(services),
    ...appHandlers(services),
    ...backupHandlers(services),
  } satisfies Handlers;
}

/** Exports hand out secrets: refused while locked, like codes. qrHidden is not: it only lifts the protection. */
function exportsWhileUnlocked(services: Services) {
  const { 'transfer.qrHidden': qrHidden, ...rest } = exportHandlers(services);
  return { ...lockedOut(services, rest), 'transfer.qrHidden': qrHidden };
}

/** While the app is locked every code channel refuses: no code leaves main. */
function lockedOut<H extends Record<string, (input: never) => Promise<unknown>>>({ desktop }: Services, group: H): H {
  const guarded: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(group)) {
    guarded[channel] = async (input: never) => {
      if (desktop.lock.isLocked())
        throw new AuthdeskError('app-locked', 'Authdesk is locked. Unlock it to see and copy codes.');
      return handler(input);
    };
  }
  return guarded as H;
}
