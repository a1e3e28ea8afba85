import type { BuildOptions } from 'esbuild';
/**
 * Writes the CLI to `outdir`: `authdesk.cjs` (the launcher: run it with node) and
 * `program.cjs` (the CLI itself). `overrides` go to both esbuild runs.
 */
export function buildCli(
  outdir: string,
  root?: string,
  overrides?: BuildOptions,
): Promise<{ launcher: string; program: string }>;
