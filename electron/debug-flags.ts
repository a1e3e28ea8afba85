/**
 * A packaged Authdesk refuses to start with a debugger or remote-debugging
 * switch: `--inspect`, `--inspect-brk`, `--inspect-port`, `--remote-debugging-port`
 * and `--remote-debugging-pipe` would let anything on the machine (or on the
 * network) read secrets out of the main process or drive the window. The
 * fuse `enableNodeCliInspectArguments: false` already ignores `--inspect*` for
 * Node; Chromium's remote-debugging switches have no fuse, so this check is
 * what stops them. Development builds (not packaged) keep them.
 */
const FORBIDDEN = [
  /^--inspect(-brk|-port|-publish-uid)?(=|$)/,
  /^--remote-debugging-(port|pipe|address)(=|$)/,
  /^--remote-allow-origins(=|$)/,
];

/** The first forbidden switch in `argv`, or null. */
export function forbiddenDebugSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = arg.split('=', 1)[0]!;
    if (FORBIDDEN.some((pattern) => pattern.test(arg))) return name;
  }
  return null;
}
