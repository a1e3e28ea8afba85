/**
 * The GitHub workflows do what docs/packaging.md says: read as data (YAML)
 * and as text, since they can only really run on GitHub.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/vectors';

const require = createRequire(import.meta.url);
// electron-builder's own YAML reader (a dependency of it, already installed).
const yaml = require('js-yaml') as { load(text: string): unknown };

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
};
type Job = {
  needs?: string | string[];
  'runs-on': string;
  steps: Step[];
  env?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  permissions?: Record<string, string>;
  if?: string;
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job>; env?: Record<string, string> };

const dir = path.join(repoRoot, '.github/workflows');
const text = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const load = (name: string) => yaml.load(text(name)) as Workflow;

describe('every workflow', () => {
  it.each(readdirSync(dir))('%s pins each action by full commit SHA with a # vX comment', (name) => {
    const uses = text(name)
      .split('\n')
      .filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });
});

describe('release.yml', () => {
  const wf = load('release.yml');
  const build = wf.jobs.build!;
  const stepIndex = (match: (s: Step) => boolean) => build.steps.findIndex(match);

  it('runs on Node 22 and only after the full test suite (.ci/run)', () => {
    expect(wf.env?.NODE_VERSION).toBe('22');
    expect(wf.jobs.test!.steps.some((s) => s.run?.includes('bash .ci/run'))).toBe(true);
    expect(build.needs).toBe('test');
    for (const s of [...wf.jobs.test!.steps, ...build.steps].filter((s) => s.uses?.startsWith('actions/setup-node')))
      expect(s.with?.['node-version']).toBe('${{ env.NODE_VERSION }}');
  });

  it('forces signing on tags, and builds unsigned (named so) only when started by hand', () => {
    expect(Object.keys(wf.on)).toEqual(['push', 'workflow_dispatch']);
    expect(build.env?.AUTHDESK_REQUIRE_SIGNING).toBe("${{ startsWith(github.ref, 'refs/tags/v') && '1' || '' }}");
    expect(build.env?.AUTHDESK_UNSIGNED).toBe(
      "${{ github.event_name == 'workflow_dispatch' && inputs.unsigned && '1' || '' }}",
    );
    const check = build.steps.find((s) => s.name === 'Signing secrets are present (tag builds)');
    expect(check?.if).toContain("env.AUTHDESK_REQUIRE_SIGNING == '1'");
    expect(check?.run).toContain('exit 1');
  });

  it('packages with our config, then smoke-tests each packaged app on its own OS before uploading', () => {
    const pack = stepIndex((s) => s.name === 'Package');
    expect(build.steps[pack]!.run).toContain('electron-builder --config build/electron-builder.config.cjs');
    const smokes = build.steps.filter((s) => s.name?.startsWith('Smoke test'));
    expect(smokes.map((s) => s.env?.AUTHDESK_SMOKE_APP)).toEqual([
      'release/linux-unpacked/authdesk',
      'release/win-unpacked/Authdesk.exe',
      'release/mac-arm64/Authdesk.app/Contents/MacOS/Authdesk',
      'release/mac/Authdesk.app/Contents/MacOS/Authdesk',
    ]);
    const upload = stepIndex((s) => s.uses?.startsWith('actions/upload-artifact') ?? false);
    for (const smoke of smokes) expect(build.steps.indexOf(smoke)).toBeGreaterThan(pack);
    for (const smoke of smokes) expect(build.steps.indexOf(smoke)).toBeLessThan(upload);
    expect(smokes[0]!.run).toMatch(/^xvfb-run /);
  });

  it('writes SHA256SUMS next to the artifacts and attests their build provenance', () => {
    const sums = wf.jobs.checksums!;
    expect(sums.steps.some((s) => s.run?.includes('sha256sum -- * > SHA256SUMS'))).toBe(true);
    const attest = sums.steps.find((s) => s.uses?.startsWith('actions/attest-build-provenance@'));
    expect(attest?.with).toEqual({ 'subject-checksums': 'artifacts/SHA256SUMS' });
    expect(sums.permissions).toMatchObject({ 'id-token': 'write', attestations: 'write' });
    expect(wf.jobs.release!.needs).toBe('checksums');
    expect(wf.jobs.release!.if).toBe("startsWith(github.ref, 'refs/tags/v')");
  });
});

describe('ci.yml', () => {
  const wf = load('ci.yml');

  it('runs the whole suite (.ci/run) on every push and pull request', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.jobs.test!['runs-on']).toBe('ubuntu-latest');
    expect(wf.jobs.test!.steps.some((s) => s.run?.includes('bash .ci/run'))).toBe(true);
  });

  it('runs the Electron smoke suite on Windows, macOS and Linux (under Xvfb)', () => {
    const smoke = wf.jobs.smoke!;
    expect(smoke.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    const runs = smoke.steps.filter((s) => s.run?.includes('npm run test:smoke')).map((s) => s.run);
    expect(runs).toEqual(['xvfb-run -a npm run test:smoke', 'npm run test:smoke']);
  });
});
