/**
 * The `authdesk` command's first file (dist/cli/authdesk.cjs, run by bin/authdesk.cjs).
 * It answers --version itself and hands everything else to the CLI bundle, run with a code
 * cache (see code-cache.ts): dist/cli/quick.cjs for the commands people run many times a day
 * (../quick-commands.ts), dist/cli/program.cjs (every command) for the rest. Both are built
 * from cli/main.ts by scripts/cli-bundle.mjs.
 */
import path from 'node:path';
import { versionLine } from '../../core/build-info';
import { codeCacheDir } from '../../core/paths';
import { fdWriter } from '../fd-write';
import { isQuickCommand } from '../quick-commands';
import { VERSION } from '../version';
import { isUseName, loadWithCodeCache } from './code-cache';
import { handOver } from './handoff';

/** The SHA-256 of program.cjs and of quick.cjs, stamped in by scripts/cli-bundle.mjs (their caches' keys: see code-cache.ts). */
declare const __AUTHDESK_PROGRAM_SHA256__: string;
declare const __AUTHDESK_QUICK_SHA256__: string;
/** One SHA-256 for the build (both programs), for what they share: the checked copy of accounts.json. */
declare const __AUTHDESK_BUILD_SHA256__: string;

const argv = process.argv.slice(2);
if (argv[0] === '--version' || argv[0] === '-V') {
  fdWriter(1)(`${versionLine(VERSION)}\n`); // a closed pipe (`| true`) ends it quietly
} else {
  // The command names the use: `list` and `code` compile different functions (see code-cache.ts).
  const use = isUseName(argv[0] ?? '') ? argv[0]! : 'other';
  const cacheDir = codeCacheDir();
  const [file, key, otherKey] = isQuickCommand(argv[0] ?? '')
    ? ['quick.cjs', __AUTHDESK_QUICK_SHA256__, __AUTHDESK_PROGRAM_SHA256__]
    : ['program.cjs', __AUTHDESK_PROGRAM_SHA256__, __AUTHDESK_QUICK_SHA256__];
  // Each program has its own cache; writing one keeps the other's.
  const program = loadWithCodeCache(path.join(__dirname, file), cacheDir, key, use, [otherKey]);
  if (cacheDir !== null) handOver({ cacheDir, buildKey: __AUTHDESK_BUILD_SHA256__ });
  // Made after the command ran, the cache holds every function it compiled, not only the top
  // level; written by the first run of each command (and again if V8 turns it down). 'exit'
  // comes even after process.exit().
  if (program.stale) process.once('exit', program.save);
  if (process.env.AUTHDESK_DEBUG === '1')
    fdWriter(2)(
      `authdesk: debug: code cache ${program.cache}${program.cacheFile ? ` (${program.cacheFile})` : ''} for ${file}\n`,
    );
  program.run();
}
