import type { BuildOptions } from 'esbuild';
/** esbuild options that write the CLI to `outdir/authdesk.mjs` (+ `outdir/chunks/`). */
export function cliBuildOptions(outdir: string, root?: string): BuildOptions;
