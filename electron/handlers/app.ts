/** app.*: what only the shell can do. Inputs were validated by the contract already. */
import { AuthdeskError } from '../../common/errors';
import type { HandlerGroup, Services } from './types';

export function appHandlers({ platform, settings, checkUpdate, desktop }: Services): HandlerGroup<'app'> {
  // The download page main itself was told by the release feed: the renderer never names a URL.
  let downloadUrl: string | null = null;
  return {
    'app.info': async () => platform.info(),
    'app.openPortal': async () => {
      // The renderer cannot choose the URL: main opens the portal the settings name. Checked again
      // because handing any other scheme to the OS can start arbitrary programs.
      const url = (await settings.get()).portalUrl;
      if (!isHttpsWithoutCredentials(url))
        throw new AuthdeskError('forbidden', 'The portal address in the settings is not an https:// link.');
      await platform.openExternal(url);
    },
    'app.stepAside': async () => platform.stepAside(),
    'app.comeBack': async () => platform.comeBack(),
    'app.displays': async () => platform.displays(),
    // Opt-in, and never against the machine's policy: both are checked here, in main.
    'app.checkUpdate': async () => {
      const current = await settings.get();
      if (current.managed.includes('updateCheck')) return { status: 'off', reason: 'policy' };
      if (!current.updateCheck) return { status: 'off', reason: 'setting' };
      if (!checkUpdate) return { status: 'failed', message: 'Checking for a newer version is not available here.' };
      const result = await checkUpdate();
      if (result.status === 'newer') downloadUrl = result.downloadUrl;
      return result;
    },
    'app.openDownload': async () => {
      if (downloadUrl === null || !isHttpsWithoutCredentials(downloadUrl))
        throw new AuthdeskError('not-found', 'No newer release is known: check for updates first.');
      await platform.openExternal(downloadUrl);
    },
    'app.lock': async () => desktop.lock.lock(),
    'app.unlock': async ({ password }) => desktop.lock.unlock(password),
    'app.lockState': async () => desktop.lock.state(),
    'app.setLockPassword': async ({ password, current }) => desktop.lock.setPassword(password, current),
    'app.checkClock': async () => desktop.clockCheck.check(),
    'app.desktopStatus': async () => ({ shortcut: desktop.shortcutStatus(), clock: desktop.clockCheck.status() }),
    'app.closeQuickPick': async () => desktop.closeQuickPick(),
  };
}

function isHttpsWithoutCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
