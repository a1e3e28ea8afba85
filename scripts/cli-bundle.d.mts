import type { BuildOptions, Plugin } from 'esbuild';
/**
 * Writes the CLI to `outdir`: `authdesk.cjs` (the launcher: run it with node) and
 * `program.cjs` (the CLI itself). `overrides` go to both esbuild runs.
 */
export function buildCli(
  outdir: string,
  root?: string,
  overrides?: BuildOptions,
): Promise<{ launcher: string; program: string }>;
/** The esbuild plugins of the CLI bundle: stand-ins for dbus-next's xml2js, long.js and node:assert, and for node:crypto. */
export const cliPlugins: Plugin[];
/** Node's CommonJS wrapper, which program.cjs is written inside (the launcher's PROGRAM_HEAD, the same text). */
export const PROGRAM_HEAD: string;
/** The program's text inside that wrapper, as program.cjs is written. */
export function wrapProgram(text: string): string;
