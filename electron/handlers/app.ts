/** app.*: what only the shell can do. Inputs were validated by the contract already. */
import { AuthdeskError } from '../../common/errors';
import type { HandlerGroup, Services } from './types';

export function appHandlers({ platform, settings }: Services): HandlerGroup<'app'> {
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
