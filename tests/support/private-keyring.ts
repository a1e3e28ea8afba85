/**
 * A gnome-keyring of a test file's OWN, on its own D-Bus session, that the
 * test may lock and unlock without disturbing the keyring every other file
 * shares (scripts/with-keyring.sh). Test files run in separate processes, so
 * a file may point process.env at it (the app's services read the bus
 * address from there).
 *
 * `typePassword()` does what a person does in the keyring's unlock prompt:
 * it hands the keyring its password (gnome-keyring's own interface for
 * that; the prompt window itself needs a display and a person).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectSessionBus, type SecretBus } from '../../core/vault/secret-service/bus';
import {
  COLLECTION_IFACE,
  PROPERTIES_IFACE,
  SERVICE_IFACE,
  SERVICE_NAME,
  SERVICE_PATH,
} from '../../core/vault/secret-service/names';
import { untilKeyringOnBus } from './keyring-on-bus';

const PASSWORD = 'authdesk-private-test';
const LOGIN = '/org/freedesktop/secrets/collection/login';

export interface PrivateKeyring {
  /** The environment whose session bus holds this keyring. */
  env: NodeJS.ProcessEnv;
  address: string;
  lock(): Promise<void>;
  isLocked(): Promise<boolean>;
  /** Unlocks the keyring with its password, as the person typing it into the unlock prompt does. */
  typePassword(): Promise<void>;
  stop(): Promise<void>;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      text += d;
      if (text.includes('\n')) resolve(text.split('\n')[0]!.trim());
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before printing its address`)));
  });
}

export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const dataHome = mkdtempSync(path.join(os.tmpdir(), 'authdesk-private-keyring-'));
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await firstLine(daemon);
  const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: dataHome };
  delete env.GNOME_KEYRING_CONTROL; // never reach another test's daemon
  // Creates (or opens) the login keyring with this password, unlocked, then runs in the background.
  spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    env,
    input: PASSWORD,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const bus: SecretBus = await connectSessionBus(env);
  await untilKeyringOnBus(bus);
  const [pid] = (await bus.call({
    destination: 'org.freedesktop.DBus',
    path: '/org/freedesktop/DBus',
    interface: 'org.freedesktop.DBus',
    member: 'GetConnectionUnixProcessID',
    signature: 's',
    body: [SERVICE_NAME],
  })) as [number];

  const call = (member: string, signature: string, body: unknown[], iface = SERVICE_IFACE) =>
    bus.call({ destination: SERVICE_NAME, path: SERVICE_PATH, interface: iface, member, signature, body });

  return {
    env,
    address,
    async lock() {
      await call('Lock', 'ao', [[LOGIN]]);
    },
    async isLocked() {
      const [value] = (await bus.call({
        destination: SERVICE_NAME,
        path: LOGIN,
        interface: PROPERTIES_IFACE,
        member: 'Get',
        signature: 'ss',
        body: [COLLECTION_IFACE, 'Locked'],
      })) as [{ value: boolean }];
      return value.value;
    },
    async typePassword() {
      const [, session] = (await call('OpenSession', 'sv', ['plain', new bus.dbus.Variant('s', '')])) as [
        unknown,
        string,
      ];
      await call(
        'UnlockWithMasterPassword',
        'o(oayays)',
        [LOGIN, [session, Buffer.alloc(0), Buffer.from(PASSWORD), 'text/plain']],
        'org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface',
      );
    },
    async stop() {
      bus.close();
      try {
        process.kill(pid, 'SIGTERM'); // the keyring daemon this file started (its pid asked of the bus)
      } catch {
        // already gone
      }
      daemon.kill('SIGTERM');
      rmSync(dataHome, { recursive: true, force: true });
    },
  };
}
