#!/usr/bin/env node
/** The `authdesk` command's entry point (bundled to dist/cli/authdesk.mjs; run by bin/authdesk.mjs). */
import { cliContext } from './context';
import { processIo } from './io';
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), cliContext(processIo()));
