// `npm test`: prerequisites, typecheck, lint, build, then every suite inside a
// private Secret Service. Prints one closing line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensurePrerequisites } from './prerequisites.mjs';

ensurePrerequisites();

const results = { passed: 0, failed: 0, skipped: 0 };
const step = (name, cmd, args, opts = {}) => {
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
};

for (const [name, script] of [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['build', 'build'],
]) {
  if (step(name, 'npm', ['run', '--silent', script])) results.passed++;
  else results.failed++;
}

const report = '.vitest-results.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const testsOk = step('tests', 'bash', [
  'scripts/with-keyring.sh',
  'npx',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests;
  results.skipped += json.numPendingTests + json.numTodoTests;
  // A file that fails to load has no tests to count: count it as a failure.
  results.failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} catch {
  console.error('The test runner wrote no report: counting the test step as failed.');
  results.failed++;
}
// Vitest also fails a run for errors outside any test (unhandled rejections,
// a broken config): those must not leave a green total behind.
if (!testsOk && results.failed === 0) {
  console.error('The test runner failed outside any single test (see "Errors" above): counting that as a failure.');
  results.failed++;
}
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 ? 0 : 1);
