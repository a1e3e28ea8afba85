/**
 * The commands people run many times a day (bound to a key, typed while a sign-in page
 * waits). The launcher runs them from dist/cli/quick.cjs, a second build of the CLI that
 * holds only these (cli/commands/quick.ts): its start reads and deserialises ~0.46 MB of
 * code instead of ~0.73 MB (`authdesk code` 151 -> 143 ms on a 2-core VM where Node's own
 * start is 97 ms; see scripts/cli-bundle.mjs). Every other command runs from program.cjs.
 */
export const QUICK_COMMANDS = ['code', 'list'] as const;

export type QuickCommand = (typeof QUICK_COMMANDS)[number];

export const isQuickCommand = (name: string): name is QuickCommand =>
  (QUICK_COMMANDS as readonly string[]).includes(name);
