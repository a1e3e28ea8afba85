/**
 * Runs the real `authdesk` CLI as a child process. It is bundled once per
 * test file with the same esbuild settings as scripts/build-node.mjs
 * (scripts/cli-bundle.mjs: the launcher and one CommonJS program, native
 * packages external), into a private folder under dist/ (so node_modules
 * resolves as it does for the shipped bundle), and run through the launcher
 * with its code cache in the sandbox's data folder. Bundling only the CLI keeps
 * these tests independent of the rest of `npm run build`, and a plain-node
 * child starts in ~0.2 s, fast enough to kill mid-write (see kill9.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from '../../../scripts/cli-bundle.mjs';
import { repoRoot } from '../../support/vectors';
import { uniqueServiceName } from '../../support/keychain';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export async function bundleCli(): Promise<{ file: string; dispose: () => void }> {
  const dir = path.join(repoRoot, 'dist', 'test-cli', `authdesk-${process.pid}-${randomBytes(4).toString('hex')}`);
  const { launcher } = await buildCli(dir, repoRoot, { logLevel: 'error' });
  return { file: launcher, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A private data folder and keychain service for one test file. */
export function cliSandbox(prefix: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const service = uniqueServiceName(prefix);
  const env = {
    ...process.env,
    AUTHDESK_DATA_DIR: dataDir,
    AUTHDESK_KEYCHAIN_SERVICE: service,
    AUTHDESK_DEBUG: '',
    // The compiled-code cache as a user has it, but beside this sandbox (not the machine's ~/.cache).
    AUTHDESK_CACHE_DIR: `${dataDir}.code-cache`,
    // Never the machine's own admin policy: tests that need one write it here.
    AUTHDESK_POLICY_FILE: path.join(dataDir, 'policy.json'),
  };
  const cleanup = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(env.AUTHDESK_CACHE_DIR, { recursive: true, force: true });
  };
  return { dataDir, service, env, cleanup };
}

export function spawnCli(file: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [file, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runCli(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return collect(spawnCli(file, args, env));
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
