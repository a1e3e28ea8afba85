/** vault.*: drift between the metadata file and the keychain, and its repair. */
import type { HandlerGroup, Services } from './types';

export function vaultHandlers({ vault }: Services): HandlerGroup<'vault'> {
  return {
    'vault.status': async () => ({ problems: await vault.problems() }),
    'vault.repair': async ({ id, action }) => vault.repair(id, action),
  };
}
