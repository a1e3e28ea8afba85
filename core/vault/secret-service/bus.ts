/**
 * One connection to the D-Bus session bus, in plain JavaScript (dbus-next):
 * nothing here can take the process down the way libsecret's assertion on a
 * locked keyring does inside keytar. Every failure becomes a `BusFailure` with
 * a kind the store turns into the person's message.
 *
 * The socket is ref'd only while a call is in flight, so an idle connection
 * never keeps the CLI from exiting; every call has a time limit, because a
 * bus that dies without closing the socket would otherwise leave it pending.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Message as DbusMessage, MessageBus } from 'dbus-next';

type DbusModule = typeof import('dbus-next');

export type BusFailureKind =
  /** No session bus address, or nothing listens there. */
  | 'no-bus'
  /** The connection closed after it worked (the bus daemon went away). */
  | 'bus-lost'
  /** A call got an error reply: `name` is the D-Bus error name. */
  | 'error-reply'
  /** No answer in time. */
  | 'timeout';

export class BusFailure extends Error {
  constructor(
    readonly kind: BusFailureKind,
    message: string,
    /** The D-Bus error name of an error reply ('' otherwise). */
    readonly errorName = '',
  ) {
    super(message);
    this.name = 'BusFailure';
  }
}

export interface BusCall {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}

export interface SecretBus {
  call(c: BusCall, timeoutMs?: number): Promise<unknown[]>;
  /** Resolves with the body of the first matching signal; subscribe BEFORE triggering it. */
  signal(match: { path: string; interface: string; member: string }, timeoutMs: number): Promise<unknown[]>;
  close(): void;
  readonly closed: boolean;
  readonly dbus: DbusModule;
}

const CALL_TIMEOUT_MS = 25_000; // the D-Bus default reply timeout
const CONNECT_TIMEOUT_MS = 5_000;

/** The session bus address as GLib finds it: the variable, else $XDG_RUNTIME_DIR/bus. null: there is none. */
export function sessionBusAddress(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.DBUS_SESSION_BUS_ADDRESS?.trim();
  if (fromEnv) return fromEnv;
  if (env.DBUS_SESSION_BUS_ADDRESS === undefined && env.XDG_RUNTIME_DIR) {
    const socket = path.join(env.XDG_RUNTIME_DIR, 'bus');
    if (existsSync(socket)) return `unix:path=${socket}`;
  }
  return null;
}

async function loadDbus(): Promise<DbusModule> {
  const mod = (await import('dbus-next')) as DbusModule & { default?: DbusModule };
  return mod.default ?? mod;
}

export async function connectSessionBus(env: NodeJS.ProcessEnv = process.env): Promise<SecretBus> {
  const address = sessionBusAddress(env);
  if (!address) throw new BusFailure('no-bus', 'DBUS_SESSION_BUS_ADDRESS is not set');
  const dbus = await loadDbus();
  let bus: MessageBus;
  try {
    bus = dbus.sessionBus({ busAddress: address });
  } catch (err) {
    throw new BusFailure('no-bus', err instanceof Error ? err.message : String(err));
  }
  const stream = (bus as unknown as { _connection: { stream: NodeJS.EventEmitter & Partial<RefCountable> } })
    ._connection.stream;
  let closed = false;
  let connected = false;
  const waiting = new Set<(failure: BusFailure) => void>();
  const fail = (failure: BusFailure) => {
    closed = true;
    for (const reject of [...waiting]) reject(failure);
    waiting.clear();
  };
  // Without an 'error' listener an EventEmitter error would be thrown: the crash we are here to avoid.
  bus.on('error', (err: unknown) => {
    const text = err instanceof Error ? err.message : String(err);
    fail(new BusFailure(connected ? 'bus-lost' : 'no-bus', text));
  });
  stream.on('close', () => fail(new BusFailure(connected ? 'bus-lost' : 'no-bus', 'the bus connection closed')));

  let inFlight = 0;
  const hold = () => {
    if (inFlight++ === 0) stream.ref?.();
  };
  const release = () => {
    if (--inFlight === 0) stream.unref?.();
  };

  const guarded = <T>(run: () => Promise<T>, timeoutMs: number, what: string): Promise<T> => {
    if (closed) return Promise.reject(new BusFailure('bus-lost', 'the bus connection is closed'));
    hold();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(() => reject(new BusFailure('timeout', `${what} timed out`))), timeoutMs);
      const onFail = (failure: BusFailure) => done(() => reject(failure));
      waiting.add(onFail);
      function done(settle: () => void) {
        if (!waiting.delete(onFail)) return;
        clearTimeout(timer);
        release();
        settle();
      }
      run().then(
        (value) => done(() => resolve(value)),
        (err: unknown) => done(() => reject(toFailure(err))),
      );
    });
  };

  await guarded(
    () =>
      new Promise<void>((resolve) => {
        bus.once('connect', () => resolve());
      }),
    CONNECT_TIMEOUT_MS,
    'connecting to the session bus',
  );
  connected = true;

  const call = (c: BusCall, timeoutMs = CALL_TIMEOUT_MS): Promise<unknown[]> => {
    const message = new dbus.Message({ ...c, body: c.body ?? [] } as ConstructorParameters<typeof dbus.Message>[0]);
    return guarded(
      async () => ((await bus.call(message)) as DbusMessage | null)?.body ?? [],
      timeoutMs,
      `${c.interface}.${c.member}`,
    );
  };

  return {
    dbus,
    get closed() {
      return closed;
    },
    call,
    async signal(match, timeoutMs) {
      const rule = `type='signal',interface='${match.interface}',member='${match.member}',path='${match.path}'`;
      let listener: ((msg: DbusMessage) => void) | undefined;
      const arrived = new Promise<unknown[]>((resolve) => {
        listener = (msg) => {
          if (msg.path === match.path && msg.interface === match.interface && msg.member === match.member)
            resolve(msg.body);
        };
        bus.on('message', listener);
      });
      await call({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'AddMatch',
        signature: 's',
        body: [rule],
      });
      try {
        return await guarded(() => arrived, timeoutMs, `waiting for ${match.member}`);
      } finally {
        bus.removeListener('message', listener!);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        bus.disconnect();
      } catch {
        // already gone
      }
    },
  };
}

interface RefCountable {
  ref(): void;
  unref(): void;
}

function toFailure(err: unknown): BusFailure {
  if (err instanceof BusFailure) return err;
  const e = err as { type?: unknown; text?: unknown; message?: unknown };
  if (typeof e?.type === 'string') {
    // dbus-next's DBusError: the error name and its text.
    return new BusFailure('error-reply', `${e.type}: ${String(e.text ?? '')}`, e.type);
  }
  return new BusFailure('bus-lost', err instanceof Error ? err.message : String(err));
}
