/**
 * Deleted accounts stay recoverable for TRASH_DAYS: the metadata moves to the
 * document's `trash` section and the secret to a keychain item named
 * `trashItemName(id)`. Each step is ordered so a crash at any point leaves
 * the secret in at least one keychain item that the vault knows about:
 *  - delete:   copy secret to the trash item -> move metadata to trash -> delete the live item;
 *  - undelete: copy secret back to the live item -> move metadata back -> delete the trash item;
 *  - purge:    delete the trash item -> drop the trash entry (losing it is the point).
 * Leftovers of an interrupted step (a live item whose account is in the
 * trash, a trash item whose account is live again) are not problems: the
 * secret is where the metadata says, and the copy is cleaned up later.
 */
import type { AccountMeta } from '../../common/otp/types';
import type { TrashEntry } from '../../common/vault-problems';
import type { TrashedAccount } from './metadata-document';

export const TRASH_DAYS = 30;
export const TRASH_MS = TRASH_DAYS * 24 * 60 * 60 * 1000;
const TRASH_PREFIX = 'trash:';

/** The keychain item (account name) that holds a deleted account's secret. */
export function trashItemName(id: string): string {
  return `${TRASH_PREFIX}${id}`;
}

/** The account id of a trash item name, or null for a live item. */
export function idOfTrashItem(item: string): string | null {
  return item.startsWith(TRASH_PREFIX) ? item.slice(TRASH_PREFIX.length) : null;
}

export function trashEntry(t: TrashedAccount): TrashEntry {
  const { id, issuer, name, type } = t.account;
  return { id, issuer, name, type, deletedAt: t.deletedAt, purgeAt: t.deletedAt + TRASH_MS };
}

/** Trash entries whose time is up at `now`. */
export function expired(trash: TrashedAccount[] | undefined, now: number): TrashedAccount[] {
  return (trash ?? []).filter((t) => t.deletedAt + TRASH_MS <= now);
}

/**
 * The keychain item names the vault accounts for, so findProblems reports
 * only true orphans: live items of live accounts, trash items of trash
 * entries, and the leftovers described at the top.
 */
export function explainedItems(accounts: AccountMeta[], trash: TrashedAccount[] | undefined, items: string[]) {
  const live = new Set(accounts.map((a) => a.id));
  const trashed = new Set((trash ?? []).map((t) => t.account.id));
  const liveItems = new Set<string>();
  const orphanTrashItems: string[] = [];
  for (const item of items) {
    const trashedId = idOfTrashItem(item);
    if (trashedId === null) {
      // A live item of a trashed account: an interrupted delete or undelete. Not an orphan.
      if (!trashed.has(item) || live.has(item)) liveItems.add(item);
    } else if (!trashed.has(trashedId) && !live.has(trashedId)) {
      orphanTrashItems.push(trashedId); // its entry was lost: offered for restore like any orphan
    }
  }
  return { liveItems, orphanTrashItems };
}
