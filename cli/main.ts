/**
 * The CLI's entry point, bundled to dist/cli/program.cjs (CommonJS: see
 * scripts/cli-bundle.mjs) and run by the launcher, dist/cli/authdesk.cjs
 * (cli/launcher/main.ts), which answers --version before this file is read
 * (runCli answers it too, for anyone who starts here).
 */
async function main(argv: string[]): Promise<void> {
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
