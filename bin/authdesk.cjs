#!/usr/bin/env node
// The `authdesk` command. The CLI is bundled by `npm run build` (scripts/cli-bundle.mjs)
// into dist/cli/: authdesk.cjs (this file's next step), program.cjs and quick.cjs.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const launcher = path.join(__dirname, '..', 'dist', 'cli', 'authdesk.cjs');
if (!existsSync(launcher)) {
  console.error('authdesk: the CLI is not built yet. Run: npm run build');
  process.exit(1);
}
require(launcher);
