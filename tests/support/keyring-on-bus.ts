/**
 * `gnome-keyring-daemon --unlock` returns before its daemon has always taken
 * org.freedesktop.secrets on the bus (measured: absent on the first look in 3
 * of 5 starts), so a call made at once can fail with NameHasNoOwner. Tests
 * that start or restart a keyring wait here first (scripts/with-keyring.sh
 * does the same in shell).
 */
import type { SecretBus } from '../../core/vault/secret-service/bus';
import { SERVICE_NAME } from '../../core/vault/secret-service/names';

export async function untilKeyringOnBus(bus: SecretBus, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [owned] = (await bus.call({
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus',
      member: 'NameHasOwner',
      signature: 's',
      body: [SERVICE_NAME],
    })) as [boolean];
    if (owned) return;
    if (Date.now() > deadline)
      throw new Error(`the keyring did not appear on the bus as ${SERVICE_NAME} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
