import type { BuildOptions, Plugin } from 'esbuild';
/**
 * Writes the CLI to `outdir`: `authdesk.cjs` (the launcher: run it with node), `program.cjs`
 * (the CLI itself) and `quick.cjs` (the same with only `code` and `list`). `overrides` go to
 * every esbuild run.
 */
export function buildCli(
  outdir: string,
  root?: string,
  overrides?: BuildOptions,
): Promise<{ launcher: string; program: string; quick: string }>;
/** The esbuild plugins of the CLI bundle: stand-ins for dbus-next's xml2js, long.js and node:assert, for node:crypto, and a jitless zod. */
export const cliPlugins: Plugin[];
/** Node's CommonJS wrapper, which program.cjs and quick.cjs are written inside (the launcher's PROGRAM_HEAD, the same text). */
export const PROGRAM_HEAD: string;
/** The program's text inside that wrapper, as program.cjs and quick.cjs are written. */
export function wrapProgram(text: string): string;
