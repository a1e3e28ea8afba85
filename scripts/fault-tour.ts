/**
 * The fault tour (issue 9): causes each fault for real against the real CLI
 * and a real gnome-keyring, and prints one Markdown table row per fault:
 * what the CLI said, its exit code, and what was kept. docs/faults.md is
 * this output plus the "before" column and the tests that guard each row.
 * Run it with scripts/fault-tour.sh (it needs a private D-Bus session).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from './cli-bundle.mjs';
import { createSecretStore } from '../core/vault/secret-store';
import { openVault } from '../core/vault/vault';
import { trashItemName } from '../core/vault/trash';
import { runAndKill } from '../tests/support/kill9';
import { startPrivateKeyring } from '../tests/support/private-keyring';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'authdesk-fault-tour-'));
const cliDir = path.join(root, 'dist', 'fault-tour-cli');
const { launcher: cliFile } = await buildCli(cliDir, root, { logLevel: 'error' });
const A = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const B = 'otpauth://totp/Other:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Other';
let n = 0;

/** A fresh data folder and keychain service. */
function sandbox(extra: NodeJS.ProcessEnv = {}) {
  const dataDir = path.join(work, `case-${++n}`);
  const service = `authdesk-fault-tour-${process.pid}-${n}`;
  const env = {
    ...process.env,
    AUTHDESK_DATA_DIR: dataDir,
    AUTHDESK_KEYCHAIN_SERVICE: service,
    AUTHDESK_DEBUG: '',
    AUTHDESK_CACHE_DIR: path.join(work, 'code-cache'),
    ...extra,
  };
  const cliWith = (more: NodeJS.ProcessEnv, ...args: string[]) => {
    const r = spawnSync(process.execPath, [cliFile, ...args], { env: { ...env, ...more }, encoding: 'utf8' });
    const clean = (t: string) => t.trim().split(dataDir).join('<data>');
    return { code: r.status, signal: r.signal, stdout: clean(r.stdout), stderr: clean(r.stderr) };
  };
  const cli = (...args: string[]) => cliWith({}, ...args);
  return { dataDir, service, env, cli, cliWith, secrets: createSecretStore(service, process.platform, env) };
}

const rows: string[] = [];
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' / ').replace(/`/g, "'");
function row(
  fault: string,
  command: string,
  r: { code: number | null; signal: string | null; stdout: string; stderr: string },
  kept: string,
) {
  const said = r.stderr || r.stdout;
  const exit = r.signal ? `signal ${r.signal}` : String(r.code);
  rows.push(`| ${fault} | \`${command}\` | ${cell(said)} | ${exit} | ${kept} |`);
}
const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .join(', ');
const count = (s: ReturnType<typeof sandbox>) => (JSON.parse(s.cli('list', '--json').stdout) as unknown[]).length;
/** Keychain items doctor offers to restore (the add the backup generation did not have yet). */
const orphans = (s: ReturnType<typeof sandbox>) =>
  (s.cli('doctor').stdout.match(/^PROBLEM {2}keychain item/gm) ?? []).length;

// 1. The keyring is locked (its own keyring, locked for real).
{
  const keyring = await startPrivateKeyring();
  const s = sandbox({ DBUS_SESSION_BUS_ADDRESS: keyring.address });
  s.cli('add', A);
  await keyring.lock();
  row(
    'keyring locked',
    'authdesk code example',
    s.cli('code', 'example'),
    `the account (\`authdesk list\` exit ${s.cli('list').code})`,
  );
  row('keyring locked', 'authdesk add …', s.cli('add', B), `accounts.json unchanged (${count(s)} account)`);
  await keyring.typePassword();
  await keyring.stop();
}

// 2. No session bus at all.
{
  const s = sandbox();
  s.cli('add', A);
  const r = s.cliWith({ DBUS_SESSION_BUS_ADDRESS: '' }, 'code');
  row(
    'no D-Bus session',
    'authdesk code',
    r,
    `everything; \`authdesk list\` still works (exit ${s.cliWith({ DBUS_SESSION_BUS_ADDRESS: '' }, 'list').code})`,
  );
}

// 3. accounts.json damaged (cut in half), its backup good.
{
  const s = sandbox();
  s.cli('add', A);
  s.cli('add', B);
  const file = path.join(s.dataDir, 'accounts.json');
  const text = spawnSync('cat', [file], { encoding: 'utf8' }).stdout;
  writeFileSync(file, text.slice(0, text.length / 2));
  const r = s.cli('list');
  row(
    'accounts.json damaged',
    'authdesk list',
    r,
    `the previous generation (${count(s)} of 2 accounts); the newer add's key stays in the keychain and \`doctor\` offers it (${orphans(s)}); the damaged file kept: ${files(s.dataDir).replace(/corrupt-\S+/, 'corrupt-<time>')}`,
  );
}

// 4. accounts.json and its backup both damaged.
{
  const s = sandbox();
  s.cli('add', A);
  s.cli('add', B);
  writeFileSync(path.join(s.dataDir, 'accounts.json'), '{"version":');
  writeFileSync(path.join(s.dataDir, 'accounts.json.bak'), '{"version":');
  row(
    'accounts.json and its backup damaged',
    'authdesk list',
    s.cli('list'),
    `both files as they were; the 2 keychain items (${(await s.secrets.accounts()).length})`,
  );
}

// 5. accounts.json deleted by hand.
{
  const s = sandbox();
  s.cli('add', A);
  s.cli('add', B);
  rmSync(path.join(s.dataDir, 'accounts.json'));
  row(
    'accounts.json deleted',
    'authdesk list',
    s.cli('list'),
    `the previous generation (${count(s)} of 2); \`doctor\` offers the newer add's key (${orphans(s)})`,
  );
}

// 6. kill -9 between the keychain write and the metadata write of an add.
{
  const s = sandbox();
  s.cli('add', B);
  const killed = await runAndKill(cliFile, ['add', A], s.env, s.dataDir, {
    kind: 'file',
    prefix: 'accounts.json.tmp-',
  });
  const doctor = s.cli('doctor');
  row(
    '`add` killed with SIGKILL mid-write',
    'authdesk doctor',
    {
      ...doctor,
      stdout:
        doctor.stdout
          .split('\n')
          .filter((l) => l.startsWith('PROBLEM'))
          .join('\n') || doctor.stdout,
    },
    `the secret, as an orphan item (killed: ${killed.signal ?? 'finished first'})`,
  );
  const orphan = /--restore (\S+)`/.exec(doctor.stdout)?.[1];
  if (orphan)
    row(
      '… then',
      `authdesk doctor --restore ID`,
      s.cli('doctor', '--restore', orphan),
      `the account, exactly as its item describes it (${count(s)} accounts)`,
    );
}

// 7. One keychain value edited by hand into something that is no key.
{
  const s = sandbox();
  s.cli('add', A);
  s.cli('add', B);
  const ids = JSON.parse(s.cli('list', '--json').stdout) as { id: string; issuer: string }[];
  await s.secrets.set(ids.find((a) => a.issuer === 'Other')!.id, 'edited by hand: 0189!');
  const r = s.cli('code');
  row(
    'a keychain value is not a key',
    'authdesk code',
    { ...r, stderr: `${r.stdout.split('\n').join(' / ')} → ${r.stderr}` },
    "the other accounts' codes; the item untouched",
  );
}

// 8. A keychain item deleted by hand.
{
  const s = sandbox();
  s.cli('add', A);
  const id = (JSON.parse(s.cli('list', '--json').stdout) as { id: string }[])[0]!.id;
  await s.secrets.delete(id);
  row(
    'a keychain item deleted by hand',
    'authdesk code',
    s.cli('code'),
    'the account entry, until `doctor --forget` (never dropped on its own)',
  );
}

// 9. A lock file left by a writer killed with SIGKILL.
{
  const s = sandbox();
  s.cli('add', B);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  }).stdout;
  writeFileSync(
    path.join(s.dataDir, '.lock'),
    JSON.stringify({ pid: Number(dead), hostname: os.hostname(), time: Date.now(), token: 'x' }),
  );
  row(
    'a stale lock (its writer was killed)',
    'authdesk add …',
    s.cli('add', A),
    `both accounts (${count(s)}); the lock taken over at once, removed after (${existsSync(path.join(s.dataDir, '.lock')) ? 'still there' : 'gone'})`,
  );
}

// 10. An account removed by mistake.
{
  const s = sandbox();
  s.cli('add', A);
  const id = (JSON.parse(s.cli('list', '--json').stdout) as { id: string }[])[0]!.id;
  const removed = s.cli('remove', id, '--yes');
  row(
    'an account removed by mistake',
    'authdesk remove ID --yes',
    removed,
    `secret moved to item ${trashItemName('ID')} for 30 days`,
  );
  row(
    '… then',
    'authdesk doctor --undelete ID',
    s.cli('doctor', '--undelete', id),
    `the account with its code (${count(s)} account)`,
  );
  const vault = await openVault({ dataDir: s.dataDir, secrets: s.secrets });
  if ((await vault.currentCodes()).length !== 1) throw new Error('the undeleted account has no code');
}

// Clean up every keychain item the tour made, then the folders.
for (let i = 1; i <= n; i++) {
  const store = createSecretStore(`authdesk-fault-tour-${process.pid}-${i}`);
  try {
    for (const item of await store.accounts()) await store.delete(item);
  } catch {
    // the private keyring of case 1 is gone already
  }
}
rmSync(work, { recursive: true, force: true });
rmSync(cliDir, { recursive: true, force: true });
console.log('| Fault | Command | What it said | Exit | What was kept |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
