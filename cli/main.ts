#!/usr/bin/env node
/** The `authdesk` command's entry point (bundled to dist/cli/authdesk.mjs; run by bin/authdesk.mjs). */
import { versionLine } from '../core/build-info';
import { VERSION } from './version';

const argv = process.argv.slice(2);
if (argv[0] === '--version' || argv[0] === '-V') {
  // The version needs nothing else (no zod, no policy, no commands): answered before loading them.
  // runCli answers it the same way for callers that start there (the tests).
  process.stdout.on('error', () => undefined); // `authdesk --version | true`: a closed pipe is not an error
  process.stdout.write(`${versionLine(VERSION)}\n`);
} else {
  const [, { cliContext }, { processIo }, { runCli }] = await Promise.all([
    import('./zod-setup'),
    import('./context'),
    import('./io'),
    import('./run'),
  ]);
  process.exitCode = await runCli(argv, cliContext(processIo()));
}
