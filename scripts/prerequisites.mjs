// Checks (and, as root on Debian/Ubuntu, installs) what the test suites need
// from the OS: a Secret Service to hold secrets, a browser, an X server.
// Anyone else gets the exact command to run, and nothing else happens.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const APT_PACKAGES = [
  'libsecret-1-dev',
  'gnome-keyring',
  'libglib2.0-bin', // gdbus: the keychain-state tests lock the test keyring with it
  'dbus-x11',
  'chromium',
  'xvfb',
  'imagemagick',
  'x11-utils',
  'fonts-dejavu-core',
];

const checks = [
  { what: 'gnome-keyring-daemon', ok: () => onPath('gnome-keyring-daemon') },
  { what: 'dbus-run-session', ok: () => onPath('dbus-run-session') },
  { what: 'gdbus', ok: () => onPath('gdbus') },
  { what: 'chromium', ok: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium') },
  { what: 'Xvfb', ok: () => onPath('Xvfb') },
  { what: 'ImageMagick display', ok: () => onPath('display') && onPath('import') },
  { what: 'xdpyinfo', ok: () => onPath('xdpyinfo') },
  { what: 'libsecret headers', ok: () => spawnSync('pkg-config', ['--exists', 'libsecret-1']).status === 0 },
];

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function missingPrerequisites() {
  return checks.filter((c) => !c.ok()).map((c) => c.what);
}

export function ensurePrerequisites() {
  if (process.platform !== 'linux') return; // the suites' real keychain and X server are Linux-only; see README
  let missing = missingPrerequisites();
  if (missing.length === 0) return;
  const install = `apt-get install -y ${APT_PACKAGES.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && onPath('apt-get')) {
    console.log(`Installing test prerequisites (missing: ${missing.join(', ')}) ...`);
    execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install} -qq >/dev/null`], {
      stdio: 'inherit',
    });
    missing = missingPrerequisites();
    if (missing.length === 0) return;
  }
  console.error(
    `The tests need: ${missing.join(', ')}.\nInstall them with:\n  sudo apt-get update && sudo ${install}\nthen run npm ci again (keytar builds against libsecret) and npm test.`,
  );
  process.exit(1);
}
