/**
 * The arrows of README "Layout", checked on the real source tree:
 * main (electron/) -> core -> common, renderer -> common, cli -> core -> common.
 * A relative import that leaves its side for a folder it may not use fails here,
 * whatever the lint configuration says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Which top-level folders each side may import from (besides itself). */
const allowed: Record<string, string[]> = {
  common: [],
  core: ['common'],
  cli: ['core', 'common'],
  renderer: ['common'],
  electron: ['core', 'common'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

const importPattern = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function crossings(): string[] {
  const found: string[] = [];
  for (const side of Object.keys(allowed)) {
    for (const file of sourceFiles(path.join(repoRoot, side))) {
      for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const target = path.relative(repoRoot, path.resolve(path.dirname(file), match[1]!));
        if (!target.includes(path.sep)) continue; // a top-level file (package.json)
        const targetSide = target.split(path.sep)[0]!;
        if (targetSide !== side && !allowed[side]!.includes(targetSide))
          found.push(`${path.relative(repoRoot, file)} -> ${target}`);
      }
    }
  }
  return found;
}

describe('import graph', () => {
  it('every import follows the arrows', () => {
    expect(crossings()).toEqual([]);
  });

  it('finds imports at all (the scan is not vacuous)', () => {
    const count = Object.keys(allowed)
      .flatMap((side) => sourceFiles(path.join(repoRoot, side)))
      .reduce((n, f) => n + [...readFileSync(f, 'utf8').matchAll(importPattern)].length, 0);
    expect(count).toBeGreaterThan(300);
  });
});
