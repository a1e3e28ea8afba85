/**
 * The CLI's entry point, bundled to dist/cli/program.cjs (CommonJS: see
 * scripts/cli-bundle.mjs) and run by the launcher, dist/cli/authdesk.cjs
 * (cli/launcher/main.ts), which answers --version before this file is read.
 */
import { versionLine } from '../core/build-info';
import { fdWriter } from './fd-write';
import { VERSION } from './version';

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    fdWriter(1)(`${versionLine(VERSION)}\n`); // a closed pipe (`| true`) ends it quietly
    return;
  }
  const [, { cliContext }, { processIo }, { runCli }] = await Promise.all([
    import('./zod-setup'),
    import('./context'),
    import('./io'),
    import('./run'),
  ]);
  process.exitCode = await runCli(argv, cliContext(processIo()));
}

// runCli turns every failure into a message and an exit code; a rejection here would be a
// bug in loading the CLI itself, which Node reports and exits 1 for.
void main(process.argv.slice(2));
