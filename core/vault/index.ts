/** The vault's public surface. */
export type { SecretStore, Vault } from './types';
export { openVault, type OpenVaultOptions } from './vault';
export { createKeytarStore, type KeytarApi } from './keytar-store';
export { accountLabel } from './labels';
export { createSecretStore } from './secret-store';
export { createSecretServiceStore } from './secret-service/secret-service-store';
