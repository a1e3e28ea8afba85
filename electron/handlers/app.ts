/** app.*: what only the shell can do. Inputs were validated by the contract already. */
import { AuthdeskError } from '../../common/errors';
import type { HandlerGroup, Services } from './types';

export function appHandlers({ platform, settings, checkUpdate, desktop }: Services): HandlerGroup<'app'> {
  return {
    'app.info': async () => platform.info(),
    'app.openExternal': async ({ url }) => {
      // The schema already demands https; checked again here because handing
      // any other scheme to the OS can start arbitrary programs.
      if (new URL(url).protocol !== 'https:')
        throw new AuthdeskError('forbidden', 'Authdesk only opens https:// links.');
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
      return checkUpdate();
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
