// `npm run test:smoke`: the Electron smoke suite alone (tests/smoke), after
// `npm run build`. On Linux it runs inside a private gnome-keyring when one
// can be started (scripts/with-keyring.sh), as `npm test` does; on Windows and
// macOS the user's own keychain is used, with throw-away service names that
// the suite deletes afterwards. AUTHDESK_SMOKE_APP=<packaged binary> tests an
// installed/packaged app instead of `electron .`.
import { spawnSync } from 'node:child_process';

const vitest = ['vitest', 'run', '--project', 'smoke', ...process.argv.slice(2)];
const hasKeyringDaemon =
  spawnSync('sh', ['-c', 'command -v gnome-keyring-daemon && command -v dbus-run-session'], {
    stdio: 'ignore',
  }).status === 0;
const [cmd, args] =
  process.platform === 'linux' && !process.env.AUTHDESK_IN_KEYRING && hasKeyringDaemon
    ? ['bash', ['scripts/with-keyring.sh', 'npx', ...vitest]]
    : ['npx', vitest];
const run = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
