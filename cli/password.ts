/**
 * Where the CLI gets a password: never from the command line (it would sit
 * in the shell history and `ps`). --password-file P (first line), or a prompt
 * without echo when a person is at the terminal.
 */
import { readFile } from 'node:fs/promises';
import { AuthdeskError } from '../common/errors';
import type { CliContext, Values } from './command';
import { UsageError } from './usage-error';

export const passwordFileOption = { 'password-file': { type: 'string' } } as const;

async function fromFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AuthdeskError('bad-input', `The password file ${file} cannot be read.`, { cause: err });
  }
  // The first line, without its line ending (editors add one); spaces inside are part of the password.
  const password = text.split(/\r?\n/, 1)[0] ?? '';
  if (!password) throw new AuthdeskError('bad-input', `The password file ${file} is empty.`);
  return password;
}

/** The password from --password-file, else null (the caller decides whether to prompt). */
export async function passwordFromFile(values: Values): Promise<string | null> {
  const file = values['password-file'];
  return typeof file === 'string' ? fromFile(file) : null;
}

/** A password for reading a file: --password-file, else a prompt in a terminal, else a usage error. */
export async function passwordToOpen(values: Values, ctx: CliContext, command: string, what: string): Promise<string> {
  const fromOption = await passwordFromFile(values);
  if (fromOption !== null) return fromOption;
  if (!ctx.io.interactive)
    throw new UsageError(`${what} is encrypted: pass --password-file FILE when not running in a terminal`, command);
  return ctx.io.askHidden(`Password for ${what}: `);
}

/** A new password (export): --password-file, else asked twice in a terminal. */
export async function newPassword(values: Values, ctx: CliContext, command: string): Promise<string> {
  const fromOption = await passwordFromFile(values);
  if (fromOption !== null) return fromOption;
  if (!ctx.io.interactive) throw new UsageError('this export needs a password: pass --password-file FILE', command);
  const first = await ctx.io.askHidden('New password for the export: ');
  if (!first) throw new AuthdeskError('bad-input', 'The password is empty: nothing was exported.');
  const again = await ctx.io.askHidden('Repeat the password: ');
  if (again !== first) throw new AuthdeskError('bad-input', 'The two passwords differ: nothing was exported.');
  return first;
}
