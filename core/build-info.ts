/**
 * Facts the build stamps in (scripts/build-node.mjs `define`): the git commit
 * the bundle was made from. Unbundled code (tests, tsx) has no stamp and says
 * 'unknown', as does a build made outside a git checkout.
 */
declare const __AUTHDESK_COMMIT__: string | undefined;

export const BUILD_COMMIT: string =
  typeof __AUTHDESK_COMMIT__ === 'string' && __AUTHDESK_COMMIT__ ? __AUTHDESK_COMMIT__ : 'unknown';

/** "0.1.0 (commit 1a2b3c4d5e6f)": the version first, so scripts can take the first word. */
export function versionLine(version: string, commit: string = BUILD_COMMIT): string {
  return `${version} (commit ${commit})`;
}
