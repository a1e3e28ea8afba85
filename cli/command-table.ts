/**
 * A table of commands, each loaded only when it runs: the names, one command by name, and
 * all of them (for the overall help). Used by cli/commands/index.ts (every command) and
 * cli/commands/quick.ts (the quick program's two).
 */
import type { Command } from './command';

export interface CommandTable {
  readonly commandNames: readonly string[];
  /** The command called `name`, or undefined when the table has none. */
  loadCommand(name: string): Promise<Command> | undefined;
  loadAllCommands(): Promise<Command[]>;
}

export function commandTable(loaders: Record<string, () => Promise<Command>>): CommandTable {
  const commandNames = Object.keys(loaders);
  const loadCommand = (name: string) => (Object.hasOwn(loaders, name) ? loaders[name]!() : undefined);
  return {
    commandNames,
    loadCommand,
    loadAllCommands: () => Promise.all(commandNames.map((name) => loadCommand(name)!)),
  };
}
