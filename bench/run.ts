/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (codes, enroll, ipc, qr,
 * renderer, transfer, vault) inside a private keychain (see
 * scripts/with-keyring.sh) and prints figures; `npm run bench -- transfer`
 * runs the ones whose name contains "transfer". Benches print;
 * tests never time anything.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<void> };
  await mod.run();
}
