#!/usr/bin/env node
/** The `authdesk` command's entry point (bundled to dist/cli/authdesk.mjs; run by bin/authdesk.mjs). */
import { config } from 'zod/mini';
import { cliContext } from './context';
import { processIo } from './io';
import { runCli } from './run';

// zod compiles a fast parser for a schema the first time it is used (new Function); a CLI
// run checks each schema once, so compiling costs more than it saves.
config({ jitless: true });

process.exitCode = await runCli(process.argv.slice(2), cliContext(processIo()));
