/**
 * Keychain tests talk to a real Secret Service: the private gnome-keyring
 * that scripts/with-keyring.sh starts for `npm test`. Each test file gets its
 * own service name so files never see each other's items.
 */
import { randomBytes } from 'node:crypto';

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
