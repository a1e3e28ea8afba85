/**
 * The vault as the app holds it. The window must open even when the keychain
 * is locked or missing, so the app does not open the vault up front and crash:
 * every call opens it on demand, a failure comes back to the renderer as the
 * vault's own clear error, and the next call tries again (the person may have
 * unlocked the keychain in the meantime).
 */
import type { Vault } from '../../core/vault/types';

export interface VaultAccessOptions {
  /** Where the metadata document lives (known before the vault opens, for the watcher). */
  metadataPath: string;
  /** Called after every call that may have written the metadata file (the watcher's acknowledge). */
  afterWrite?: () => void | Promise<void>;
}

const WRITES = new Set<keyof Vault>([
  'add',
  'addMany',
  'rename',
  'reorder',
  'remove',
  'pin',
  'nextHotp',
  'repair',
  'restoreAll',
  'undelete',
  'acknowledgeRecovery',
]);

export function retryingVault(open: () => Promise<Vault>, options: VaultAccessOptions): Vault {
  let opening: Promise<Vault> | null = null;
  const vault = (): Promise<Vault> => {
    opening ??= open().catch((err: unknown) => {
      opening = null; // retry on the next call
      throw err;
    });
    return opening;
  };

  const call =
    <K extends Exclude<keyof Vault, 'metadataPath'>>(name: K) =>
    async (...args: Parameters<Vault[K]>): Promise<Awaited<ReturnType<Vault[K]>>> => {
      const v = await vault();
      const method = v[name] as (...a: Parameters<Vault[K]>) => Promise<Awaited<ReturnType<Vault[K]>>>;
      try {
        return await method.apply(v, args);
      } finally {
        // Even a failed write may have touched the file (e.g. a repair half done).
        if (WRITES.has(name)) await options.afterWrite?.();
      }
    };

  return {
    metadataPath: options.metadataPath,
    list: call('list'),
    add: call('add'),
    addMany: call('addMany'),
    exportDrafts: call('exportDrafts'),
    findDuplicate: call('findDuplicate'),
    rename: call('rename'),
    updateParams: call('updateParams'),
    unlock: call('unlock'),
    reorder: call('reorder'),
    remove: call('remove'),
    pin: call('pin'),
    currentCodes: call('currentCodes'),
    nextHotp: call('nextHotp'),
    problems: call('problems'),
    repair: call('repair'),
    restoreAll: call('restoreAll'),
    trash: call('trash'),
    undelete: call('undelete'),
    recovery: call('recovery'),
    acknowledgeRecovery: call('acknowledgeRecovery'),
  };
}
