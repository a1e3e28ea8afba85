/**
 * What every command file exports, and the one place argv is parsed
 * (node:util parseArgs, strict), so every command handles --help, unknown
 * flags and argument counts the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Vault } from '../core/vault/types';
import type { Clock } from '../core/clock';
import type { LoadedPolicy } from '../core/policy';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | undefined>;

export interface CliContext {
  io: CliIo;
  clock: Clock;
  /**
   * Opened on first use, so --help and decode-qr never touch the keychain. A command about to
   * read secrets says so (`readsSecrets`): the keychain is then reached while accounts.json is read.
   */
  vault(options?: { readsSecrets?: boolean }): Promise<Vault>;
  /** The texts of the QR codes in an image file, and whether the decoder's safety stop cut the search short. */
  readQrTexts(file: string): Promise<{ texts: string[]; stoppedAtCeiling: boolean }>;
  /** The machine's admin policy (read once); commands it forbids refuse with its reason. */
  policy(): Promise<LoadedPolicy>;
}

export interface Command {
  name: string;
  /** One line for `authdesk --help`. */
  summary: string;
  /** `authdesk <name> ...` synopsis. */
  usage: string;
  /** Further lines for `authdesk <name> --help`. */
  details: string[];
  options: OptionSpec;
  positionals: { min: number; max: number; names: string };
  /** Returns the exit code (0 when omitted). */
  run(args: { values: Values; positionals: string[] }, ctx: CliContext): Promise<number | void>;
}

export const helpOption: OptionSpec = { help: { type: 'boolean', short: 'h' } };

/** Parses argv for `command`; null means --help was asked for. */
export function parseCommandArgs(command: Command, argv: string[]): { values: Values; positionals: string[] } | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...helpOption, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    // parseArgs messages are clear but multi-line and mention "strict"; keep the first sentence.
    const text =
      err instanceof Error ? err.message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '') : String(err);
    throw new UsageError(text.charAt(0).toLowerCase() + text.slice(1), command.name);
  }
  const values = parsed.values as Values;
  if (values.help) return null;
  const { min, max, names } = command.positionals;
  if (parsed.positionals.length < min) throw new UsageError(`${command.name} needs ${names}`, command.name);
  if (parsed.positionals.length > max) {
    throw new UsageError(
      `${command.name} takes ${max === 0 ? 'no arguments' : `at most ${max} argument${max === 1 ? '' : 's'}`}, got "${parsed.positionals[max]}"`,
      command.name,
    );
  }
  return { values, positionals: parsed.positionals };
}

export function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    ...(command.details.length ? ['', ...command.details] : []),
  ].join('\n');
}
