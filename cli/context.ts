/** Builds what commands need from the environment: the same data folder and keychain service as the app. */
import { systemClock } from '../core/clock';
import { dataDir, keychainService } from '../core/paths';
import { loadPolicy, policyFile, type LoadedPolicy } from '../core/policy';
import { openVault } from '../core/vault/vault';
import { createSecretStore } from '../core/vault/secret-store';
import type { Vault } from '../core/vault/types';
import type { CliContext } from './command';
import type { CliIo } from './io';
import { readQrTextsFromFile } from './qr-from-file';

export function cliContext(io: CliIo): CliContext {
  let vault: Promise<Vault> | undefined;
  let policy: LoadedPolicy | undefined;
  return {
    io,
    clock: systemClock,
    vault: () =>
      (vault ??= openVault({
        dataDir: dataDir(io.env),
        secrets: createSecretStore(keychainService(io.env), process.platform, io.env),
        clock: systemClock,
      })),
    readQrTexts: readQrTextsFromFile,
    // AUTHDESK_POLICY_FILE is honoured: the CLI runs from a source checkout, not from the installer.
    policy: () => (policy ??= loadPolicy(policyFile(io.env))),
  };
}
