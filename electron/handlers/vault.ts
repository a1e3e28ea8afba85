/** vault.*: drift between the metadata file and the keychain, its repair, the recovery notice and the trash. */
import type { HandlerGroup, Services } from './types';

export function vaultHandlers({ vault }: Services): HandlerGroup<'vault'> {
  return {
    'vault.status': async () => ({ problems: await vault.problems(), recovered: await vault.recovery() }),
    'vault.repair': async ({ id, action }) => vault.repair(id, action),
    'vault.restoreAll': async () => vault.restoreAll(),
    'vault.acknowledge': async () => vault.acknowledgeRecovery(),
    'vault.trash': async () => vault.trash(),
    'vault.undelete': async ({ id }) => vault.undelete(id),
    'vault.unlockKeychain': async () => ({ unlocked: await vault.unlock() }),
  };
}
