/**
 * What the launcher (main.ts) tells the program it runs: the cache folder and which build the
 * program is part of (a SHA-256 the build stamped into the launcher, naming both programs). The two are separate bundles, so
 * this goes through a global under a registered symbol. A program started another way (the
 * tests' in-process runs) finds nothing there and runs without what needs it.
 */
import path from 'node:path';
import { fnv1a } from './fnv1a';

export interface LauncherFacts {
  /** The per-user cache folder (code-cache.ts), never null here: with caching off nothing is handed over. */
  cacheDir: string;
  /** Names this build of the programs (program.cjs and quick.cjs alike). */
  buildKey: string;
}

const SLOT = Symbol.for('authdesk.cli.launcher-facts');

export function handOver(facts: LauncherFacts): void {
  (globalThis as Record<symbol, unknown>)[SLOT] = facts;
}

export function launcherFacts(): LauncherFacts | undefined {
  const facts = (globalThis as Record<symbol, unknown>)[SLOT] as Partial<LauncherFacts> | undefined;
  return typeof facts?.cacheDir === 'string' && typeof facts.buildKey === 'string'
    ? { cacheDir: facts.cacheDir, buildKey: facts.buildKey }
    : undefined;
}

/** Where the CLI keeps the checked copy of one accounts file (core/vault/checked-copy.ts). */
export function checkedCopyFile(cacheDir: string, accountsFile: string): string {
  return path.join(cacheDir, `cli-accounts-${fnv1a(path.resolve(accountsFile))}.checked`);
}
