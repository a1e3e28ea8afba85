/**
 * The shared third-party vectors live beside the repo (`../shared/vectors`),
 * or wherever AUTHDESK_VECTORS points. CI always has them; a fresh clone may
 * not, and then the tests that need them are skipped *with a message*.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const vectorsDir = process.env.AUTHDESK_VECTORS ?? path.resolve(repoRoot, '../shared/vectors');
export const hasVectors = existsSync(path.join(vectorsDir, 'README.md'));

export function vectorPath(...parts: string[]): string {
  return path.join(vectorsDir, ...parts);
}

export function readVectorJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readFileSync(vectorPath(...parts), 'utf8')) as T;
}

/** `describe` when the vectors are present, otherwise a skipped suite whose name says why. */
export function describeWithVectors(name: string, fn: () => void) {
  if (hasVectors) return describe(name, fn);
  console.warn(`[skipped] "${name}": shared vectors not found at ${vectorsDir} (set AUTHDESK_VECTORS)`);
  // The suite body is not collected: it reads vector files at collection time.
  return describe.skip(`${name} [skipped: shared vectors not found at ${vectorsDir}]`, () => {
    it('needs ../shared/vectors', () => {});
  });
}
