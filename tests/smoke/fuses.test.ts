/**
 * The fuses of the packaged binary, tried for real: it will not become Node
 * (ELECTRON_RUN_AS_NODE), takes no NODE_OPTIONS, opens no inspector, and
 * refuses a DevTools port. Each run uses --self-test so the app exits by
 * itself; its JSON report proves the app (not Node) answered. The fuse wire
 * is also read from the binary and compared with the build config.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeSmoke, smokeSandbox } from './support/authdesk';
import { runBinary } from './support/run-binary';
import { smokeTarget, type SmokeTarget } from './support/target';
import { repoRoot } from '../support/vectors';

const require = createRequire(import.meta.url);

describeSmoke('smoke: the fuses hold in the packaged app', 'packaged', () => {
  const binary = () => (smokeTarget() as SmokeTarget).binary;

  const withSandbox = async (fn: (sandbox: ReturnType<typeof smokeSandbox>) => Promise<void>) => {
    const sandbox = smokeSandbox('authdesk-smoke-fuses');
    try {
      await fn(sandbox);
    } finally {
      await sandbox.cleanup();
    }
  };

  it('ELECTRON_RUN_AS_NODE=1 does not turn it into Node', () =>
    withSandbox(async ({ env }) => {
      const run = await runBinary(binary(), ['--self-test'], { ...env, ELECTRON_RUN_AS_NODE: '1' });
      // Node would have refused the unknown option; the app answers with its report.
      expect(run.stderr).not.toMatch(/bad option|Unknown option/i);
      expect(run.report).toMatchObject({ selfTest: 'authdesk', packaged: true });
    }));

  it('ignores NODE_OPTIONS (a --require of an attacker file never runs)', () =>
    withSandbox(async ({ env, dataDir }) => {
      const marker = path.join(dataDir, 'node-options-ran');
      const payload = path.join(dataDir, 'payload.cjs');
      writeFileSync(payload, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`);
      const run = await runBinary(binary(), ['--self-test'], { ...env, NODE_OPTIONS: `--require ${payload}` });
      expect(run.report).toMatchObject({ selfTest: 'authdesk' });
      expect(existsSync(marker)).toBe(false);
    }));

  it('opens no Node inspector for --inspect', () =>
    withSandbox(async ({ env }) => {
      const run = await runBinary(binary(), ['--inspect=0', '--self-test'], env);
      expect(run.stderr).not.toContain('Debugger listening');
      expect(run.report).toMatchObject({ selfTest: 'authdesk' });
    }));

  it('refuses --remote-debugging-port with one line and exit code 1', () =>
    withSandbox(async ({ env }) => {
      const run = await runBinary(binary(), ['--remote-debugging-port=0', '--self-test'], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('authdesk: --remote-debugging-port is not allowed in release builds');
      expect(run.stderr).not.toContain('DevTools listening');
      expect(run.report).toBeNull();
    }));

  it('carries the fuse wire the build config asks for', async () => {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as {
      getCurrentFuseWire(p: string): Promise<Record<number, number>>;
      FuseV1Options: Record<string, number>;
    };
    const wire = await getCurrentFuseWire(binary());
    const config = require(path.join(repoRoot, 'build/electron-builder.config.cjs')) as {
      electronFuses: Record<string, boolean>;
    };
    for (const [key, wanted] of Object.entries(config.electronFuses)) {
      const index = FuseV1Options[key.charAt(0).toUpperCase() + key.slice(1)]!;
      expect(String.fromCharCode(wire[index]!), key).toBe(wanted ? '1' : '0');
    }
  });
});
