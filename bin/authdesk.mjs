#!/usr/bin/env node
// The `authdesk` command. The CLI is bundled by `npm run build` (scripts/cli-bundle.mjs).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node >= 22.1 can keep the compiled bundle between runs (in the OS temp folder), which
// shortens every start after the first; older Node has no such call and starts as before.
module.enableCompileCache?.();

const bundle = fileURLToPath(new URL('../dist/cli/authdesk.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('authdesk: the CLI is not built yet. Run: npm run build');
  process.exit(1);
}
await import(bundle);
