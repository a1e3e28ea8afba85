/**
 * The usual shape of a CLI test file: the CLI bundled once, a sandbox (temp
 * data folder + its own keychain service) for the file, and afterwards every
 * keychain item of that service deleted and the folder removed.
 */
import { afterAll, beforeAll } from 'vitest';
import { createSecretStore } from '../../../core/vault/secret-store';
import { bundleCli, cliSandbox, runCli, type CliResult } from './cli-process';

export function useCliSandbox(prefix: string) {
  const box = cliSandbox(prefix);
  const secrets = createSecretStore(box.service);
  let bundle: Awaited<ReturnType<typeof bundleCli>> | undefined;

  beforeAll(async () => {
    bundle = await bundleCli();
  });
  afterAll(async () => {
    bundle?.dispose();
    for (const account of await secrets.accounts()) await secrets.delete(account);
    box.cleanup();
  });

  return {
    box,
    secrets,
    /** The bundled CLI (available once the file's beforeAll has run). */
    cli: {
      get file(): string {
        return bundle!.file;
      },
    },
    run: (...args: string[]): Promise<CliResult> => runCli(bundle!.file, args, box.env),
  };
}
