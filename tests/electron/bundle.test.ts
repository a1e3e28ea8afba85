/**
 * What `npm run build` made of main.ts and preload.ts (npm test always builds
 * first; a bare `vitest run` without a build skips with a message). A sandboxed
 * preload may require only 'electron', so everything else (the channel names,
 * buildApi) must be inside it, and zod must not be (the schemas live in main); main may require only what the packaged app will have.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/vectors';

const dist = path.join(repoRoot, 'dist/electron');
const built = existsSync(path.join(dist, 'main.cjs')) && existsSync(path.join(dist, 'preload.cjs'));
if (!built) console.warn(`[skipped] bundle checks: ${dist} has no main.cjs/preload.cjs (run npm run build)`);

const requiresOf = (file: string) =>
  [
    ...new Set([...readFileSync(path.join(dist, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!)),
  ].sort();

describe.skipIf(!built)('the built Electron bundles', () => {
  it('preload.cjs requires nothing but electron and carries the channel names, without zod', () => {
    expect(requiresOf('preload.cjs')).toEqual(['electron']);
    const text = readFileSync(path.join(dist, 'preload.cjs'), 'utf8');
    expect(text).toContain('exposeInMainWorld("authenticator"');
    expect(text).not.toContain('ZodError');
    expect(text).toContain('"accounts.list"');
  });

  it('main.cjs requires only electron, Node built-ins and production dependencies', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([
      'electron',
      ...Object.keys(pkg.dependencies),
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ]);
    const packageOf = (spec: string) =>
      spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    const strays = requiresOf('main.cjs').filter((spec) => !allowed.has(spec) && !allowed.has(packageOf(spec)));
    expect(strays).toEqual([]);
  });
});
