/**
 * The SecretStore on Linux: the freedesktop Secret Service spoken directly
 * over D-Bus from JavaScript (see docs/keychain.md for why not keytar).
 * Items are libsecret's generic schema with attributes {service, account},
 * exactly what keytar wrote, so existing keychains keep working.
 *
 * Every state has its own error: a locked keyring is `keychain-locked` (a
 * locked item is never reported as "missing"), no bus is `keychain-no-dbus`,
 * no Secret Service is `keychain-unavailable`, and a daemon that vanishes
 * after we reached it is `keychain-gone`.
 */
import { AuthdeskError } from '../../../common/errors';
import {
  keychainFailed,
  keychainGone,
  keychainLocked,
  keychainNoDbus,
  keychainUnavailable,
  KEYCHAIN_NO_DEFAULT_MESSAGE,
} from '../keychain-errors';
import type { SecretStore } from '../types';
import { BusFailure, connectSessionBus, type BusCall, type SecretBus } from './bus';
import {
  COLLECTION_IFACE,
  GENERIC_SCHEMA,
  ITEM_IFACE,
  PROMPT_IFACE,
  PROPERTIES_IFACE,
  SERVICE_IFACE,
  SERVICE_NAME,
  SERVICE_PATH,
} from './names';
import { openTransfer, type Transfer } from './transfer';

export interface SecretServiceStoreOptions {
  env?: NodeJS.ProcessEnv;
  /** How long the unlock prompt may stay open (a person is reading it). */
  promptTimeoutMs?: number;
}

const NO_OBJECT = '/';
const GONE_ERRORS = new Set([
  'org.freedesktop.DBus.Error.NoReply',
  'org.freedesktop.DBus.Error.Disconnected',
  'org.freedesktop.DBus.Error.UnknownObject',
  'org.freedesktop.DBus.Error.UnknownMethod',
  'org.freedesktop.Secret.Error.NoSession',
  'org.freedesktop.Secret.Error.NoSuchObject',
]);
const ABSENT_ERRORS = new Set([
  'org.freedesktop.DBus.Error.ServiceUnknown',
  'org.freedesktop.DBus.Error.NameHasNoOwner',
]);

export type SecretServiceStore = SecretStore & { readonly service: string; close(): void };

export function createSecretServiceStore(service: string, options: SecretServiceStoreOptions = {}): SecretServiceStore {
  if (!service) throw new AuthdeskError('bad-input', 'The keychain service name is empty.');
  let connection: Promise<SecretBus> | null = null;
  let transfer: Promise<Transfer> | null = null;
  /** Once the Secret Service answered, its disappearance is "gone", not "not running". */
  let reached = false;
  /**
   * The unique bus name of the daemon we talk to. If a call fails and another
   * daemon owns the name now (D-Bus activation restarts a killed one, locked),
   * the operation was cut off mid-way: that is "gone", whatever the new one says.
   */
  let owner: string | null = null;
  const nameOwner = (b: SecretBus) =>
    b
      .call({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'GetNameOwner',
        signature: 's',
        body: [SERVICE_NAME],
      })
      .then(
        ([name]) => String(name),
        () => null,
      );

  const reset = () => {
    void connection?.then((b) => b.close()).catch(() => undefined);
    connection = null;
    transfer = null;
    owner = null;
  };
  const bus = (): Promise<SecretBus> => {
    if (connection) {
      // A bus that closed behind our back is replaced by a fresh one.
      return connection.then((b) => (b.closed ? (reset(), bus()) : b));
    }
    const opening = connectSessionBus(options.env);
    connection = opening;
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
    return opening;
  };
  const session = async (b: SecretBus): Promise<Transfer> => {
    transfer ??= openTransfer(b).catch((err: unknown) => {
      transfer = null;
      throw err;
    });
    return transfer;
  };

  const run = async <T>(what: string, fn: (b: SecretBus) => Promise<T>): Promise<T> => {
    let b: SecretBus | undefined;
    try {
      b = await bus();
      // Asked alongside the first operation rather than after it: one round trip less to wait for.
      const asking = owner === null ? nameOwner(b) : null;
      const result = await fn(b);
      reached = true;
      owner ??= await asking;
      return result;
    } catch (err) {
      let mapped = toKeychainError(err, what, reached);
      if (owner && b && !b.closed && mapped.code !== 'keychain-gone' && (await nameOwner(b)) !== owner)
        mapped = keychainGone(err);
      if (['keychain-gone', 'keychain-no-dbus', 'keychain-unavailable'].includes(mapped.code)) reset();
      throw mapped;
    }
  };

  const call = (b: SecretBus, c: Omit<BusCall, 'destination'>) => b.call({ destination: SERVICE_NAME, ...c });
  const search = async (b: SecretBus, attributes: Record<string, string>) => {
    const [unlocked, locked] = await call(b, {
      path: SERVICE_PATH,
      interface: SERVICE_IFACE,
      member: 'SearchItems',
      signature: 'a{ss}',
      body: [attributes],
    });
    return { unlocked: unlocked as string[], locked: locked as string[] };
  };
  /** A match found only in a locked collection is "locked", never "missing". */
  const refuseLockedOnly = (found: { unlocked: string[]; locked: string[] }) => {
    if (found.unlocked.length === 0 && found.locked.length > 0) throw keychainLocked();
  };
  const defaultCollection = async (b: SecretBus): Promise<string> => {
    const [path] = await call(b, {
      path: SERVICE_PATH,
      interface: SERVICE_IFACE,
      member: 'ReadAlias',
      signature: 's',
      body: ['default'],
    });
    if (!path || path === NO_OBJECT) throw keychainUnavailable(undefined, KEYCHAIN_NO_DEFAULT_MESSAGE);
    return String(path);
  };
  const property = async (b: SecretBus, path: string, iface: string, name: string) => {
    const [variant] = await call(b, {
      path,
      interface: PROPERTIES_IFACE,
      member: 'Get',
      signature: 'ss',
      body: [iface, name],
    });
    return (variant as { value: unknown }).value;
  };
  /** Runs a prompt the service asked for; true if the person went through with it. */
  const prompt = async (b: SecretBus, path: string): Promise<boolean> => {
    if (path === NO_OBJECT) return true;
    const completed = b.signal(
      { path, interface: PROMPT_IFACE, member: 'Completed' },
      options.promptTimeoutMs ?? 5 * 60_000,
    );
    completed.catch(() => undefined); // awaited below; a failure of the Prompt call must not leave it unhandled
    await call(b, { path, interface: PROMPT_IFACE, member: 'Prompt', signature: 's', body: [''] });
    const [dismissed] = await completed;
    return !dismissed;
  };
  const attributes = (account: string) => ({ service, account });
  const checkAccount = (account: string) => {
    if (!account) throw new AuthdeskError('bad-input', 'A keychain item needs an account name.');
  };

  return {
    service,
    close: reset,

    prepare() {
      // Connect and negotiate the session now; bus() and session() forget a failed attempt, so the
      // read that follows tries again and reports what went wrong.
      bus()
        .then(session)
        .catch(() => undefined);
    },

    get(account) {
      checkAccount(account);
      return run('read a secret', async (b) => {
        const found = await search(b, attributes(account));
        refuseLockedOnly(found);
        const item = found.unlocked[0];
        if (item === undefined) return null;
        const t = await session(b);
        const [secret] = await call(b, {
          path: item,
          interface: ITEM_IFACE,
          member: 'GetSecret',
          signature: 'o',
          body: [t.session],
        });
        return t.unwrap(secret);
      });
    },

    getMany(accounts) {
      accounts.forEach(checkAccount);
      return run('read secrets', async (b) => {
        // All searches in flight at once, then one GetSecrets for every item found: two round trips
        // instead of two per item (200 accounts: see bench/cli.bench.ts).
        // The encrypted session is negotiated meanwhile (it does not depend on the searches).
        const opening = session(b);
        opening.catch(() => undefined); // awaited below when an item is found; a failure then is reported there
        const found = await Promise.all(accounts.map((account) => search(b, attributes(account))));
        found.forEach(refuseLockedOnly);
        const items = found.map((f) => f.unlocked[0]).filter((item): item is string => item !== undefined);
        if (items.length === 0) return accounts.map(() => null);
        const t = await opening;
        const [secrets] = await call(b, {
          path: SERVICE_PATH,
          interface: SERVICE_IFACE,
          member: 'GetSecrets',
          signature: 'aoo',
          body: [items, t.session],
        });
        const byItem = secrets as Record<string, unknown>;
        return found.map((f) => {
          const item = f.unlocked[0];
          return item === undefined || byItem[item] === undefined ? null : t.unwrap(byItem[item]);
        });
      });
    },

    async set(account, secret) {
      checkAccount(account);
      // Some backends silently cut values at a newline; refuse rather than store half a secret.
      if (/[\r\n]/.test(secret)) throw new AuthdeskError('bad-input', 'A keychain value must be a single line.');
      if (!secret) throw new AuthdeskError('bad-input', 'A keychain value cannot be empty.');
      await run('store a secret', async (b) => {
        const collection = await defaultCollection(b);
        const t = await session(b);
        const { Variant } = b.dbus;
        const properties = {
          [`${ITEM_IFACE}.Label`]: new Variant('s', `${service} ${account}`),
          [`${ITEM_IFACE}.Attributes`]: new Variant('a{ss}', { ...attributes(account), 'xdg:schema': GENERIC_SCHEMA }),
        };
        const [, promptPath] = await call(b, {
          path: collection,
          interface: COLLECTION_IFACE,
          member: 'CreateItem',
          signature: 'a{sv}(oayays)b',
          body: [properties, t.wrap(secret), true],
        });
        if (!(await prompt(b, String(promptPath)))) throw keychainLocked(undefined, true);
      });
    },

    delete(account) {
      checkAccount(account);
      return run('delete a secret', async (b) => {
        const found = await search(b, attributes(account));
        refuseLockedOnly(found);
        for (const item of found.unlocked) {
          const [promptPath] = await call(b, { path: item, interface: ITEM_IFACE, member: 'Delete' });
          if (!(await prompt(b, String(promptPath)))) throw keychainLocked(undefined, true);
        }
        return found.unlocked.length > 0;
      });
    },

    accounts() {
      return run('list its items', async (b) => {
        const found = await search(b, { service });
        const names: string[] = [];
        for (const item of [...found.unlocked, ...found.locked]) {
          const attrs = (await property(b, item, ITEM_IFACE, 'Attributes')) as Record<string, string>;
          if (attrs.account !== undefined && attrs.service === service) names.push(attrs.account);
        }
        return [...new Set(names)];
      });
    },

    isLocked() {
      return run('say whether it is locked', async (b) => {
        const collection = await defaultCollection(b);
        return Boolean(await property(b, collection, COLLECTION_IFACE, 'Locked'));
      });
    },

    unlock() {
      return run('unlock', async (b) => {
        const collection = await defaultCollection(b);
        if (!(await property(b, collection, COLLECTION_IFACE, 'Locked'))) return true;
        const [unlocked, promptPath] = await call(b, {
          path: SERVICE_PATH,
          interface: SERVICE_IFACE,
          member: 'Unlock',
          signature: 'ao',
          body: [[collection]],
        });
        if (String(promptPath) === NO_OBJECT) return (unlocked as string[]).includes(collection);
        return prompt(b, String(promptPath));
      });
    },
  };
}

function toKeychainError(err: unknown, what: string, reached: boolean): AuthdeskError {
  if (err instanceof AuthdeskError) return err;
  if (!(err instanceof BusFailure)) return keychainFailed(err, what);
  switch (err.kind) {
    case 'no-bus':
      return keychainNoDbus(err);
    case 'bus-lost':
    case 'timeout':
      return keychainGone(err);
    case 'error-reply':
      if (err.errorName === 'org.freedesktop.Secret.Error.IsLocked') return keychainLocked(err);
      if (ABSENT_ERRORS.has(err.errorName) || err.errorName.startsWith('org.freedesktop.DBus.Error.Spawn'))
        return reached ? keychainGone(err) : keychainUnavailable(err);
      if (GONE_ERRORS.has(err.errorName)) return keychainGone(err);
      if (/\blocked\b/i.test(err.message)) return keychainLocked(err);
      return keychainFailed(err, what);
  }
}
