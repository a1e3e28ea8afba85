/**
 * Where the admin policy file lives, and whether there is one: the half of core/policy.ts that
 * needs no zod. Every CLI command asks for the policy first, and most machines have no policy
 * file: the CLI then never loads zod (cli/context.ts), which judges a file's rules.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedPolicy } from './policy';

type Env = Record<string, string | undefined>;

/** Where the policy file lives on this OS. `allowOverride` lets tests and development point elsewhere. */
export function policyFile(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  allowOverride = true,
): string {
  const override = env.AUTHDESK_POLICY_FILE?.trim();
  if (allowOverride && override) return path.resolve(override);
  switch (platform) {
    case 'win32':
      return path.win32.join(env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData', 'Authdesk', 'policy.json');
    case 'darwin':
      return '/Library/Application Support/Authdesk/policy.json';
    default:
      return '/etc/authdesk/policy.json';
  }
}

/**
 * True when nothing is at `file` (asked without an error for "no such file", because the
 * first error a process builds costs it ~0.5 ms). Any other answer, a failure included, is
 * false: reading the file then says what is wrong.
 */
export function noPolicyFileAt(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

/** What loading `file` gives when there is none: nothing is managed. */
export const noPolicyAt = (file: string): LoadedPolicy => ({ file, found: false, policy: {}, problems: [] });
