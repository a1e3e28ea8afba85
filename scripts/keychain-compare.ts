/**
 * The measurements behind docs/keychain.md: each keychain backend candidate,
 * each in its own private D-Bus session (scripts/with-keyring.sh), in the
 * states that crashed or misled us. Not part of CI (it kills keyring daemons
 * and takes a few minutes). Run:
 *   node --import tsx scripts/keychain-compare.ts [N_ITEMS]
 * @napi-rs/keyring is not a dependency: install it anywhere and point
 * AUTHDESK_NAPI_KEYRING at its folder to include it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

interface Backend {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  list(): Promise<number>;
}
const SERVICE = 'authdesk-compare';
const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');

async function backend(name: string): Promise<Backend> {
  if (name === 'keytar') {
    const k = (await import('keytar')).default;
    return {
      get: (a) => k.getPassword(SERVICE, a),
      set: (a, v) => k.setPassword(SERVICE, a, v),
      delete: (a) => k.deletePassword(SERVICE, a),
      list: async () => (await k.findCredentials(SERVICE)).length,
    };
  }
  if (name === 'napi-rs') {
    const req = createRequire(path.join(process.env.AUTHDESK_NAPI_KEYRING!, 'index.js'));
    // Not a dependency, so typed here by hand (the part we call).
    const m = req('@napi-rs/keyring') as {
      AsyncEntry: new (
        service: string,
        account: string,
        options: { linux: { store: string } },
      ) => {
        getPassword(): Promise<string | null>;
        setPassword(v: string): Promise<void>;
        deletePassword(): Promise<boolean>;
      };
      findCredentialsAsync(service: string): Promise<unknown[]>;
    };
    const entry = (a: string) => new m.AsyncEntry(SERVICE, a, { linux: { store: 'secret-service' } });
    return {
      get: (a) => entry(a).getPassword(),
      set: (a, v) => entry(a).setPassword(v),
      delete: (a) => entry(a).deletePassword(),
      list: async () => (await m.findCredentialsAsync(SERVICE)).length,
    };
  }
  const { createSecretServiceStore } = await import('../core/vault/secret-service/secret-service-store');
  const s = createSecretServiceStore(SERVICE);
  return { get: s.get, set: s.set, delete: s.delete, list: async () => (await s.accounts()).length };
}

const outcome = async (p: Promise<unknown>) =>
  p.then(
    (v) => (v === null ? 'null (looks missing!)' : `ok ${JSON.stringify(v)}`),
    (e: unknown) => {
      const err = e as { code?: string; message?: string };
      return `error${err.code ? ` ${err.code}` : ''}: ${String(err.message ?? e).slice(0, 70)}`;
    },
  );
const gdbus = (...args: string[]) =>
  execFileSync('gdbus', ['call', '--session', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const busNames = () =>
  (
    gdbus(
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.ListNames',
    ).match(/':1\.\d+'/g) ?? []
  ).length;

/** One scenario, in this (private) session. Prints one JSON line. */
async function child(name: string, scenario: string, n: number) {
  const b = await backend(name);
  const out: Record<string, unknown> = {};
  if (scenario === 'locked') {
    await b.set('x', 'JBSWY3DPEHPK3PXP');
    gdbus(
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      'org.freedesktop.Secret.Service.Lock',
      '[objectpath "/org/freedesktop/secrets/collection/login"]',
    );
    out.get = await outcome(b.get('x'));
    out.set = await outcome(b.set('y', 'ABC'));
    out.list = await outcome(b.list()); // keytar dies here (SIGSEGV)
  } else if (scenario === 'killed') {
    await b.set('x', 'JBSWY3DPEHPK3PXP');
    const pid = Number(
      /uint32 (\d+)/.exec(
        gdbus(
          '--dest',
          'org.freedesktop.DBus',
          '--object-path',
          '/org/freedesktop/DBus',
          '--method',
          'org.freedesktop.DBus.GetConnectionUnixProcessID',
          'org.freedesktop.secrets',
        ),
      )![1],
    );
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    out.get = await outcome(b.get('x'));
    out.set = await outcome(b.set('y', 'ABC'));
  } else if (scenario === 'nodbus') {
    out.get = await outcome(b.get('x'));
  } else if (scenario === 'bulk') {
    const ids = Array.from({ length: n }, (_, i) => `bulk-${i}`);
    const names0 = busNames();
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return Math.round(performance.now() - t);
    };
    out.setMs = await time(async () => {
      for (const id of ids) await b.set(id, `JBSWY3DPEHPK3PXP${id}`);
    });
    out.getMs = await time(async () => {
      for (const id of ids) await b.get(id);
    });
    out.listMs = await time(() => b.list());
    out.listed = await b.list();
    out.deleteMs = await time(async () => {
      for (const id of ids) await b.delete(id);
    });
    out.busConnectionsAdded = busNames() - names0;
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

function parent(n: number) {
  const backends = ['keytar', 'secret-service-js', ...(process.env.AUTHDESK_NAPI_KEYRING ? ['napi-rs'] : [])];
  for (const name of backends) {
    for (const scenario of ['locked', 'killed', 'nodbus', 'bulk']) {
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.AUTHDESK_IN_KEYRING;
      const cmd = [process.execPath, '--import', 'tsx', here, 'child', name, scenario, String(n)];
      const r =
        scenario === 'nodbus'
          ? spawnSync(cmd[0]!, cmd.slice(1), {
              env: { ...env, DBUS_SESSION_BUS_ADDRESS: '', XDG_RUNTIME_DIR: '' },
              encoding: 'utf8',
              cwd: root,
              timeout: 120_000,
            })
          : spawnSync('bash', [path.join(root, 'scripts/with-keyring.sh'), ...cmd], {
              env,
              encoding: 'utf8',
              cwd: root,
              timeout: 600_000,
            });
      const last = r.stdout.trim().split('\n').at(-1) ?? '';
      const result = last.startsWith('{')
        ? last
        : `process ended: status ${r.status} signal ${r.signal} ${/CRITICAL[^\n]*/.exec(r.stderr)?.[0] ?? ''}`;
      console.log(`${name.padEnd(18)} ${scenario.padEnd(7)} ${result}`);
    }
  }
}

const [mode, name, scenario, n] = process.argv.slice(2);
if (mode === 'child') await child(name!, scenario!, Number(n));
else parent(Number(mode ?? 1000));
