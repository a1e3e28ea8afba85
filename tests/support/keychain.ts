/**
 * Keychain tests talk to a real Secret Service: the private gnome-keyring
 * that scripts/with-keyring.sh starts for `npm test`. Each test file gets its
 * own service name so files never see each other's items.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../../core/vault/types';
import { secretOfItem } from '../../core/vault/item-value';

export function requireSecretService(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'No D-Bus session: run keychain tests through `npm test` or scripts/with-keyring.sh (they need a real Secret Service).',
    );
  }
}

export function uniqueServiceName(prefix = 'authdesk-test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** Every item of a store with its base32 secret (values may be self-describing URIs or old plain secrets). */
export async function readAllSecrets(store: SecretStore): Promise<{ account: string; secret: string }[]> {
  const items: { account: string; secret: string }[] = [];
  for (const account of await store.accounts()) {
    const value = await store.get(account);
    if (value !== null) items.push({ account, secret: secretOfItem(value, account) });
  }
  return items;
}
