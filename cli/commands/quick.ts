/**
 * The command table of the quick program (dist/cli/quick.cjs, see ../quick-commands.ts): the
 * same API as ./index.ts, with only the commands the launcher sends there. The build puts
 * this module in place of ./index.ts (scripts/cli-bundle.mjs), so none of the other
 * commands' code is in that file.
 */
import type { Command } from '../command';
import { commandTable } from '../command-table';
import type { QuickCommand } from '../quick-commands';

const loaders = {
  code: async () => (await import('./code')).codeCommand,
  list: async () => (await import('./list')).listCommand,
} satisfies Record<QuickCommand, () => Promise<Command>>;

export const { commandNames, loadCommand, loadAllCommands } = commandTable(loaders);
