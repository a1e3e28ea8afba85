#!/usr/bin/env node
// The `authdesk` command. The CLI is bundled by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/authdesk.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('authdesk: the CLI is not built yet. Run: npm run build');
  process.exit(1);
}
await import(bundle);
