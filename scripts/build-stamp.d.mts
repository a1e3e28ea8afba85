/** Types for build-stamp.mjs (tests bundle the CLI with the same stamp). */
export function buildCommit(env?: NodeJS.ProcessEnv, cwd?: string): string;
export function buildDefines(env?: NodeJS.ProcessEnv, cwd?: string): Record<string, string>;
