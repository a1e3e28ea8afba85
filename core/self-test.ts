/**
 * `Authdesk --self-test`: what an installer tester or IT department runs to
 * see that an installed copy works on this machine, without opening a window
 * or touching anyone's accounts. It round-trips one throw-away keychain item
 * under its own service name, checks the app bundle and the data folder, and
 * reports the admin policy. Prints one JSON line; exit code 0 when all is well.
 *
 * The release workflow's smoke test runs it on the packaged app, since the
 * fuses (rightly) keep test drivers out of the real binary.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretStore } from './vault/types';
import type { LoadedPolicy } from './policy';

export const SELF_TEST_SWITCH = 'self-test';

export interface SelfTestCheck {
  name: 'keychain' | 'app-bundle' | 'data-folder' | 'policy';
  ok: boolean;
  detail: string;
}

export interface SelfTestReport {
  selfTest: 'authdesk';
  ok: boolean;
  version: string;
  commit: string;
  packaged: boolean;
  platform: string;
  arch: string;
  checks: SelfTestCheck[];
}

export interface SelfTestInput {
  version: string;
  commit: string;
  packaged: boolean;
  /** The app root (the asar archive when packaged). */
  appPath: string;
  dataDir: string;
  /** A store on a service of its own, never the one holding real secrets. */
  scratchSecrets: SecretStore;
  policy: LoadedPolicy;
}

export async function runSelfTest(input: SelfTestInput): Promise<SelfTestReport> {
  const checks: SelfTestCheck[] = [
    await keychainCheck(input.scratchSecrets),
    bundleCheck(input.appPath),
    await dataFolderCheck(input.dataDir),
    policyCheck(input.policy),
  ];
  return {
    selfTest: 'authdesk',
    ok: checks.every((c) => c.ok),
    version: input.version,
    commit: input.commit,
    packaged: input.packaged,
    platform: process.platform,
    arch: process.arch,
    checks,
  };
}

async function keychainCheck(store: SecretStore): Promise<SelfTestCheck> {
  const account = `self-test-${randomBytes(6).toString('hex')}`;
  const value = randomBytes(16).toString('base64');
  try {
    await store.set(account, value);
    const read = await store.get(account);
    const deleted = await store.delete(account);
    const gone = (await store.get(account)) === null;
    const ok = read === value && deleted && gone;
    return {
      name: 'keychain',
      ok,
      detail: ok ? 'wrote, read back and deleted a test item' : 'the test item did not round-trip',
    };
  } catch (err) {
    await store.delete(account).catch(() => false);
    return { name: 'keychain', ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

function bundleCheck(appPath: string): SelfTestCheck {
  const needed = ['dist/renderer/index.html', 'dist/electron/preload.cjs', 'dist/electron/main.cjs'];
  const missing = needed.filter((rel) => !existsSync(path.join(appPath, rel)));
  return {
    name: 'app-bundle',
    ok: missing.length === 0,
    detail: missing.length === 0 ? `complete (${appPath})` : `missing ${missing.join(', ')} in ${appPath}`,
  };
}

async function dataFolderCheck(dir: string): Promise<SelfTestCheck> {
  const probe = path.join(dir, `.self-test-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(probe, 'ok');
    return { name: 'data-folder', ok: true, detail: `writable (${dir})` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { name: 'data-folder', ok: false, detail: `${dir} is not writable (${code})` };
  } finally {
    await rm(probe, { force: true });
  }
}

function policyCheck(loaded: LoadedPolicy): SelfTestCheck {
  if (!loaded.found) return { name: 'policy', ok: true, detail: `none (${loaded.file} does not exist)` };
  if (loaded.problems.length === 0) return { name: 'policy', ok: true, detail: `in force (${loaded.file})` };
  return { name: 'policy', ok: false, detail: loaded.problems.join(' ') };
}
