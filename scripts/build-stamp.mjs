// What the bundles are stamped with (electron/core/build-info.ts reads it):
// the commit of HEAD, 12 hex digits, "-dirty" with uncommitted changes to
// tracked files; AUTHDESK_COMMIT overrides; 'unknown' outside git.
import { spawnSync } from 'node:child_process';

export function buildCommit(env = process.env, cwd = process.cwd()) {
  const given = env.AUTHDESK_COMMIT?.trim();
  // CI passes the full SHA; the stamp is always the short form git would print.
  if (given) return /^[0-9a-f]{40}$/.test(given) ? given.slice(0, 12) : given;
  const git = (...args) => spawnSync('git', args, { cwd, encoding: 'utf8' });
  const head = git('rev-parse', '--short=12', 'HEAD');
  if (head.status !== 0 || !/^[0-9a-f]{7,40}$/.test(head.stdout.trim())) return 'unknown';
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? '-dirty' : ''}`;
}

/** esbuild `define` for every Node-side bundle. */
export function buildDefines(env = process.env, cwd = process.cwd()) {
  return { __AUTHDESK_COMMIT__: JSON.stringify(buildCommit(env, cwd)) };
}
