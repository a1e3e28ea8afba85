/**
 * The command table of the quick program (dist/cli/quick.cjs, see ../quick-commands.ts): the
 * same API as ./index.ts, with only the commands the launcher sends there. The build puts
 * this module in place of ./index.ts (scripts/cli-bundle.mjs), so none of the other
 * commands' code is in that file.
 */
import type { Command } from '../command';
import type { QuickCommand } from '../quick-commands';

const loaders = {
  code: async () => (await import('./code')).codeCommand,
  list: async () => (await import('./list')).listCommand,
} satisfies Record<QuickCommand, () => Promise<Command>>;

export const commandNames = Object.keys(loaders) as readonly string[];

/** The command called `name`, or undefined when this program does not have it. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(loaders, name) ? loaders[name as keyof typeof loaders]() : undefined;
}

/** All of them (the launcher never asks the quick program for the overall help). */
export function loadAllCommands(): Promise<Command[]> {
  return Promise.all(commandNames.map((name) => loadCommand(name) as Promise<Command>));
}
