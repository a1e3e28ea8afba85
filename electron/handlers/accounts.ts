/** accounts.*: the stored accounts (metadata only; secrets stay in the vault). */
import { draftFromManualEntry, parseOtpauthUri } from '../../core/otp/index';
import { pinnedFirst } from '../../common/otp/pinned';
import type { HandlerGroup, Services } from './types';

export function accountHandlers({ vault, desktop }: Services): HandlerGroup<'accounts'> {
  return {
    'accounts.list': async () => pinnedFirst(await vault.list()),
    'accounts.add': async (input) => {
      // Both forms become a draft in main; the secret never goes back out.
      const draft = 'uri' in input ? parseOtpauthUri(input.uri) : draftFromManualEntry(input.manual);
      return vault.add(draft);
    },
    'accounts.rename': async ({ id, issuer, name }) => vault.rename(id, issuer.trim(), name.trim()),
    'accounts.remove': async ({ id }) => vault.remove(id),
    'accounts.reorder': async ({ ids }) => vault.reorder(ids),
    'accounts.updateParams': async ({ id, ...change }) => vault.updateParams(id, change),
    'accounts.pin': async ({ id, pinned }) => {
      const account = await vault.pin(id, pinned);
      desktop.accountsChanged(); // the order changed for every list, tray and quick-pick
      return account;
    },
  };
}
