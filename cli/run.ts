/**
 * Dispatches argv to a command and turns every outcome into an exit code:
 * 0 done, 1 bad input or a failed operation (one line `authdesk: <message>`
 * on stderr), 2 wrong usage. Never a stack trace unless AUTHDESK_DEBUG=1.
 */
import { versionLine } from '../core/build-info';
import { toErrorValue } from '../common/errors';
import { commandHelp, parseCommandArgs, type CliContext } from './command';
import { loadAllCommands, loadCommand } from './commands';
import { UsageError } from './usage-error';
import { VERSION } from './version';
import { safeIo } from './safe-io';
import { vaultNotices } from './recovery-notice';

export { VERSION };

export async function runCli(argv: string[], rawCtx: CliContext): Promise<number> {
  const io = safeIo(rawCtx.io);
  let noticed = false;
  const ctx: CliContext = {
    ...rawCtx,
    io,
    // The first command to open the vault also hears about a recovery or lost account list (stderr).
    vault: async (options) => {
      const vault = await rawCtx.vault(options);
      if (!noticed && argv[0] !== 'doctor') {
        noticed = true;
        for (const line of await vaultNotices(vault)) io.err(line);
      }
      return vault;
    },
  };
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.err(await globalHelp()); // no command is wrong usage: help goes to stderr, exit 2
      return 2;
    }
    if (first === '--help' || first === '-h') {
      io.out(await globalHelp());
      return 0;
    }
    if (first === '--version' || first === '-V') {
      io.out(versionLine(VERSION));
      return 0;
    }
    if (first === 'help') return await showHelpFor(rest[0], ctx);
    const command = await loadCommand(first);
    if (!command)
      throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
    const args = parseCommandArgs(command, rest);
    if (!args) {
      io.out(commandHelp(command));
      return 0;
    }
    // A broken policy file is the admin's to fix, but everyone should see it (the app shows it too).
    for (const problem of (await ctx.policy()).problems) io.err(`authdesk: warning: ${problem}`);
    return (await command.run(args, ctx)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`authdesk: ${err.message} (see: authdesk ${err.command ? `${err.command} ` : ''}--help)`);
      return 2;
    }
    io.err(`authdesk: ${oneLine(toErrorValue(err).message)}`);
    if (io.env.AUTHDESK_DEBUG === '1' && err instanceof Error) io.err(err.stack ?? String(err));
    return 1;
  }
}

async function showHelpFor(name: string | undefined, ctx: CliContext): Promise<number> {
  if (name === undefined) {
    ctx.io.out(await globalHelp());
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) throw new UsageError(`unknown command "${name}"`);
  ctx.io.out(commandHelp(command));
  return 0;
}

/** Loads every command for its summary: only help pays for that. */
async function globalHelp(): Promise<string> {
  const commands = await loadAllCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: authdesk <command> [options]',
    '',
    'Two-factor codes from the command line, sharing accounts with the Authdesk app.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: authdesk <command> --help)',
    '  -V, --version  print the version and the commit it was built from',
    '',
    'Environment: AUTHDESK_DATA_DIR (data folder), AUTHDESK_KEYCHAIN_SERVICE (keychain service name),',
    '             AUTHDESK_POLICY_FILE (admin policy file instead of the system one).',
  ].join('\n');
}

/** Messages are written as one sentence, but a wrapped library detail must not break the one-line rule. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
