/**
 * The shell's own overhead, per call, with the work itself stubbed out:
 *  - invokeChannel: zod validation + dispatch + Outcome (valid and refused input);
 *  - app://: resolving and reading one bundle file (index.html, the largest asset).
 * These sit in front of every renderer request, so they should stay far below
 * a frame (16 ms); the keychain and code engine have their own benches.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { invokeChannel, type Handlers } from '../electron/handlers';
import { channels } from '../common/ipc/contract';
import { respondFromBundle } from '../electron/protocol-files';

const stub = Object.fromEntries(channels.map((c) => [c, async () => null])) as unknown as Handlers;

async function median(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(50, runs); i++) await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = (q: number) => times[Math.floor(q * (times.length - 1))]!;
  console.log(`${label.padEnd(48)} median ${(ms(0.5) * 1000).toFixed(1)} µs   p95 ${(ms(0.95) * 1000).toFixed(1)} µs`);
}

export async function run(): Promise<void> {
  await median('invokeChannel codes.current (valid)', 5000, () =>
    invokeChannel(stub, 'codes.current', { ids: Array.from({ length: 50 }, (_, i) => `id-${i}`) }),
  );
  await median('invokeChannel accounts.add manual (valid)', 5000, () =>
    invokeChannel(stub, 'accounts.add', { manual: { issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' } }),
  );
  await median('invokeChannel accounts.rename (refused)', 5000, () =>
    invokeChannel(stub, 'accounts.rename', { id: 'a', issuer: 5, name: 'n' }),
  );

  const root = path.resolve(import.meta.dirname, '../dist/renderer');
  let assets: string[];
  try {
    assets = readdirSync(path.join(root, 'assets'));
  } catch {
    console.log('app:// serving: skipped (no dist/renderer: run npm run build)');
    return;
  }
  const largest = assets
    .map((f) => ({ f, size: statSync(path.join(root, 'assets', f)).size }))
    .sort((a, b) => b.size - a.size)[0]!;
  await median('app:// index.html', 500, async () =>
    (await respondFromBundle(root, 'app://authdesk/index.html')).arrayBuffer(),
  );
  await median(`app:// ${largest.f} (${(largest.size / 1024).toFixed(0)} KiB)`, 200, async () =>
    (await respondFromBundle(root, `app://authdesk/assets/${largest.f}`)).arrayBuffer(),
  );
}
