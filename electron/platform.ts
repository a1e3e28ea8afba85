/** The Platform the handlers use, done with Electron: links, stepping aside for a capture, AppInfo, displays. */
import { app, shell, type BrowserWindow } from 'electron';
import { AuthdeskError } from '../common/errors';
import { appInfo } from './app-info';
import type { Platform } from './handlers';
import { comeBack, stepAside, type CaptureRound } from './display-media';
import { listDisplays } from './displays';
import { isSafeExternalUrl } from './window';

export function electronPlatform(mainWindow: () => BrowserWindow | null, round: CaptureRound): Platform {
  const win = (): BrowserWindow => {
    const w = mainWindow();
    if (!w || w.isDestroyed()) throw new AuthdeskError('internal', 'The Authdesk window is not open.');
    return w;
  };
  return {
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) throw new AuthdeskError('forbidden', 'Authdesk only opens https:// links.');
      await shell.openExternal(url);
    },
    stepAside: () => stepAside(win(), round),
    comeBack: () => comeBack(win(), round),
    info: () => appInfo(app.getVersion(), process.platform, process.env),
    displays: listDisplays,
  };
}
