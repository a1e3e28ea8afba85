/**
 * The CLI's entry point, bundled to dist/cli/program.cjs and dist/cli/quick.cjs (CommonJS:
 * see scripts/cli-bundle.mjs) and run by the launcher, dist/cli/authdesk.cjs
 * (cli/launcher/main.ts), which answers --version before this file is read
 * (runCli answers it too, for anyone who starts here).
 */
async function main(argv: string[]): Promise<void> {
  const [{ cliContext }, { processIo }, { runCli }, { everythingWritten }] = await Promise.all([
    import('./context'),
    import('./io'),
    import('./run'),
    import('./fd-write'),
  ]);
  process.exitCode = await runCli(argv, cliContext(processIo()));
  // The command has finished and every word of its output is written (fd-write.ts writes
  // synchronously): ending here skips the event loop's winding down (~1.5 ms of
  // `authdesk code`). Output that went through a stream (Windows, a full pipe) may still
  // be in its buffer, so then the process ends by itself, as before.
  if (everythingWritten()) process.exit();
}

// runCli turns every failure into a message and an exit code; a rejection here would be a
// bug in loading the CLI itself, which Node reports and exits 1 for.
void main(process.argv.slice(2));
