/** Builds what commands need from the environment: the same data folder and keychain service as the app. */
import { systemClock } from '../core/clock';
import { dataDir, keychainService, vaultFiles } from '../core/paths';
import type { LoadedPolicy } from '../core/policy';
import { noPolicyAt, noPolicyFileAt, policyFile } from '../core/policy-file';
import type { Vault } from '../core/vault/types';
import type { CliContext } from './command';
import type { CliIo } from './io';
import { checkedCopyFile, launcherFacts } from './launcher/handoff';

export function cliContext(io: CliIo): CliContext {
  let vault: Promise<Vault> | undefined;
  let policy: Promise<LoadedPolicy> | undefined;
  return {
    io,
    clock: systemClock,
    // The vault (and zod, which checks accounts.json) loads on first use: --help,
    // --version and decode-qr start without it.
    vault: (options) => (vault ??= openCliVault(io, options?.readsSecrets === true)),
    // sharp, the decoder and jsQR load only here: every other command starts without them
    // (see scripts/cli-bundle.mjs).
    readQrTexts: async (file) => (await import('./qr-from-file')).readFileTexts(file),
    // AUTHDESK_POLICY_FILE is honoured: the CLI runs from a source checkout, not from the installer.
    policy: () => (policy ??= loadCliPolicy(policyFile(io.env))),
  };
}

/**
 * Most machines have no policy file, and every command asks for it first: then zod (which
 * judges a file's rules) is not loaded at all, ~1 ms and ~0.3 MB of memory less for `authdesk code`.
 */
async function loadCliPolicy(file: string): Promise<LoadedPolicy> {
  if (noPolicyFileAt(file)) return noPolicyAt(file);
  return (await import('../core/policy')).loadPolicy(file);
}

async function openCliVault(io: CliIo, readsSecrets: boolean): Promise<Vault> {
  const [{ openVault }, { createSecretStore }, { checkedCopyAt }] = await Promise.all([
    import('../core/vault/vault'),
    import('../core/vault/secret-store'),
    import('../core/vault/checked-copy'),
  ]);
  const secrets = createSecretStore(keychainService(io.env), process.platform, io.env);
  // `authdesk code`: the keychain's connection and session (D-Bus round trips) are under way
  // while accounts.json is read and checked, instead of after it.
  if (readsSecrets) secrets.prepare?.();
  const dir = dataDir(io.env);
  // accounts.json is checked once per content, not once per command (see core/vault/checked-copy.ts).
  const launcher = launcherFacts();
  const checkedCopy = launcher
    ? checkedCopyAt(checkedCopyFile(launcher.cacheDir, vaultFiles(dir).metadata), launcher.buildKey)
    : undefined;
  return openVault({ dataDir: dir, secrets, clock: systemClock, checkedCopy });
}
