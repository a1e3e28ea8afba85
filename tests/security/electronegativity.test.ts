/**
 * Electronegativity (Doyensec's Electron security linter) over the main
 * process and the renderer. Any finding above INFORMATIONAL fails unless
 * docs/security.md explains it by its check ID (section "Electronegativity"),
 * so a new risky pattern cannot slip in unexplained. Runs offline: the
 * tool's release lookup fails quietly and we pass the Electron version.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/vectors';
import pkg from '../../package.json' with { type: 'json' };

const runner = path.join(repoRoot, 'node_modules/@doyensec/electronegativity/dist/runner.js');
const printer = path.join(import.meta.dirname, 'fixtures/electronegativity-json.cjs');
const electronVersion = pkg.devDependencies.electron;

function findings(input: string): { check: string; severity: string; where: string }[] {
  // Through its API in a child process (fixtures/electronegativity-json.cjs says why not its CSV file).
  const r = spawnSync(process.execPath, [printer, runner, path.join(repoRoot, input), electronVersion], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  // The tool prints its own lines (offline: no release list) before ours, the last one.
  const last = r.stdout.trim().split('\n').pop()!;
  const { findings: found, errors } = JSON.parse(last) as {
    findings: { check: string; severity: string; file: string; location: string }[];
    errors: number;
  };
  expect(errors, `Electronegativity could not parse ${errors} file(s) in ${input}`).toBe(0);
  expect(found.length).toBeGreaterThan(0); // it ran its checks (the global CSP check always reports something)
  return found.map((f) => ({ check: f.check, severity: f.severity, where: `${input}/${f.file}:${f.location}` }));
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
