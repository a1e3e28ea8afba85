/** app.*: what only the shell can do. Inputs were validated by the contract already. */
import { AuthdeskError } from '../../common/errors';
import type { HandlerGroup, Services } from './types';

export function appHandlers({ platform }: Services): HandlerGroup<'app'> {
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
  };
}
