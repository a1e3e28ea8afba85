/**
 * Every command, in the order `authdesk --help` lists them, each loaded only
 * when it runs: a person waits for `authdesk code github`, and it should not
 * run the import, export and backup code (protobuf, CSV, zip, scrypt) first.
 * In the bundle each command's modules start only on that import()
 * (scripts/cli-bundle.mjs); the packages only rarer commands need load from
 * node_modules then.
 */
import type { Command } from '../command';
import { commandTable } from '../command-table';

const loaders = {
  code: async () => (await import('./code')).codeCommand,
  list: async () => (await import('./list')).listCommand,
  add: async () => (await import('./add')).addCommand,
  rename: async () => (await import('./rename')).renameCommand,
  edit: async () => (await import('./edit')).editCommand,
  remove: async () => (await import('./remove')).removeCommand,
  import: async () => (await import('./import')).importCommand,
  export: async () => (await import('./export')).exportCommand,
  backup: async () => (await import('./backup')).backupCommand,
  'decode-qr': async () => (await import('./decode-qr')).decodeQrCommand,
  doctor: async () => (await import('./doctor')).doctorCommand,
  policy: async () => (await import('./policy')).policyCommand,
  'check-update': async () => (await import('./check-update')).checkUpdateCommand,
} satisfies Record<string, () => Promise<Command>>;

export const { commandNames, loadCommand, loadAllCommands } = commandTable(loaders);
