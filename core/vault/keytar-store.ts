/**
 * The SecretStore on macOS and Windows: one OS-keychain item per account
 * (service = the app id, account = the account's id), via keytar. Linux uses
 * secret-service/ instead (docs/keychain.md says why).
 *
 * keytar is a native module. It is loaded on first use, not at import, so a
 * missing or unbuilt binary gives a specific error instead of crashing every
 * program that merely imports the vault (the CLI's --help, the tests).
 * It is loaded with a dynamic import() rather than createRequire(import.meta.url):
 * the Electron main bundle is CommonJS, where import.meta is empty, while
 * import() of a CommonJS package works the same from both bundle formats.
 */
import { AuthdeskError } from '../../common/errors';
import type { SecretStore } from './types';
import { KEYTAR_MISSING_MESSAGE, keychainError } from './keychain-errors';

/** The part of keytar we use. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

export interface KeytarStoreOptions {
  /** Replaces the module loader (to show what happens when the native module is missing). */
  loadKeytar?: () => Promise<KeytarApi>;
}

/**
 * keytar runs each call on a libuv worker thread, and libsecret used from
 * several threads at once can abort the whole process inside libgcrypt
 * (atom/node-keytar#283; we saw a test worker die that way). So every call of
 * this process, for every store, waits for the previous one to finish.
 */
let keychainQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = keychainQueue.then(fn, fn);
  keychainQueue = run.catch(() => undefined);
  return run;
}

async function importKeytar(): Promise<KeytarApi> {
  const mod = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return mod.default ?? mod;
}

export function createKeytarStore(
  service: string,
  options: KeytarStoreOptions = {},
): SecretStore & { readonly service: string } {
  if (!service) throw new AuthdeskError('bad-input', 'The keychain service name is empty.');
  let keytar: Promise<KeytarApi> | undefined;
  const api = (): Promise<KeytarApi> =>
    (keytar ??= (options.loadKeytar ?? importKeytar)().catch((err: unknown) => {
      keytar = undefined; // let a later call retry (e.g. after `npm rebuild keytar`)
      throw new AuthdeskError('keychain-unavailable', KEYTAR_MISSING_MESSAGE, { cause: err });
    }));
  const call = async <T>(what: string, fn: (k: KeytarApi) => Promise<T>): Promise<T> => {
    const k = await api();
    try {
      return await oneAtATime(() => fn(k));
    } catch (err) {
      throw keychainError(err, what);
    }
  };
  const checkAccount = (account: string) => {
    if (!account) throw new AuthdeskError('bad-input', 'A keychain item needs an account name.');
  };

  return {
    service,
    get: (account) => {
      checkAccount(account);
      return call('read a secret', (k) => k.getPassword(service, account));
    },
    set: async (account, secret) => {
      checkAccount(account);
      // Some backends silently cut values at a newline; refuse rather than store half a secret.
      if (/[\r\n]/.test(secret)) throw new AuthdeskError('bad-input', 'A keychain value must be a single line.');
      if (!secret) throw new AuthdeskError('bad-input', 'A keychain value cannot be empty.');
      await call('store a secret', (k) => k.setPassword(service, account, secret));
    },
    delete: (account) => {
      checkAccount(account);
      return call('delete a secret', (k) => k.deletePassword(service, account));
    },
    // keytar cannot list names without values; on Linux (where findCredentials
    // segfaults on a locked keyring) the Secret Service store is used instead.
    accounts: async () => {
      const items = await call('list secrets', (k) => k.findCredentials(service));
      return [...new Set(items.map(({ account }) => account))];
    },
    // macOS and Windows unlock on demand (the OS asks the person itself).
    isLocked: async () => false,
    unlock: async () => true,
  };
}
