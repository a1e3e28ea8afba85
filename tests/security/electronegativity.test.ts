/**
 * Electronegativity (Doyensec's Electron security linter) over the main
 * process and the renderer. Any finding above INFORMATIONAL fails unless
 * docs/security.md explains it by its check ID (section "Electronegativity"),
 * so a new risky pattern cannot slip in unexplained. Runs offline: the
 * tool's release lookup fails quietly and we pass the Electron version.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/vectors';
import pkg from '../../package.json' with { type: 'json' };

const tool = path.join(repoRoot, 'node_modules/@doyensec/electronegativity/dist/index.js');
const electronVersion = pkg.devDependencies.electron;

function findings(input: string): { check: string; severity: string; where: string }[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-eneg-'));
  try {
    const out = path.join(dir, 'out.csv');
    const r = spawnSync(
      process.execPath,
      [tool, '-i', path.join(repoRoot, input), '-o', out, '-r', '-v', 'false', '-e', electronVersion],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    // A real CSV reader: a code sample in a finding may hold commas, quotes or line breaks.
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data.slice(1);
    return rows.map(([check, severity, , file, location]) => ({
      check: check!.trim(),
      severity: severity!.trim(),
      where: `${input}/${file!.trim()}:${location!.trim()}`,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('finds nothing above informational that docs/security.md does not explain by check ID', { timeout: 240_000 }, () => {
  const all = [...findings('electron'), ...findings('renderer')].filter((f) => f.severity !== 'INFORMATIONAL');
  const section = readFileSync(path.join(repoRoot, 'docs/security.md'), 'utf8').split('## Electronegativity')[1] ?? '';
  const unexplained = all.filter((f) => !section.includes(`\`${f.check}\``));
  console.log(
    `[electronegativity] ${all.length} findings above informational: ${[...new Set(all.map((f) => f.check))].join(', ')}`,
  );
  expect(unexplained).toEqual([]);
});
