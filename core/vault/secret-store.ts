/** The keychain backend for this OS (docs/keychain.md has the measurements behind the choice). */
import { createKeytarStore } from './keytar-store';
import { createSecretServiceStore } from './secret-service/secret-service-store';
import type { SecretStore } from './types';

export function createSecretStore(
  service: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): SecretStore {
  // Linux and the BSDs keep secrets in a freedesktop Secret Service (gnome-keyring, KWallet, KeePassXC).
  if (platform === 'darwin' || platform === 'win32') return createKeytarStore(service);
  return createSecretServiceStore(service, { env });
}
