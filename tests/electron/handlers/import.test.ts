/**
 * transfer.import* and transfer codes through enroll.preview, against the real
 * handlers, a real vault and the real Secret Service (scripts/with-keyring.sh).
 * The open dialog is the one injected port: the test names the file. Every
 * response is recorded and searched for the fixtures' secrets at the end.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthdeskError } from '../../../common/errors';
import type { AccountDraft } from '../../../common/otp/types';
import type { Channel, InputOf, Outcome, ResultOf } from '../../../common/ipc/contract';
import type { ImportStep } from '../../../common/transfer-import';
import { exportMigration } from '../../../core/transfer/index';
import type { SecretStore } from '../../../core/vault/types';
import { IMPORT_TTL_MS } from '../../../electron/handlers/import-sessions';
import { realHandlers } from '../../unit/handlers/harness';
import { describeWithVectors, hasVectors, readVectorJson, vectorPath } from '../../support/vectors';
import { passwordsAgainstTheCheckByte, zipCryptoZip } from '../../support/zipcrypto';

type Harness = Awaited<ReturnType<typeof realHandlers>>;
interface Expected {
  files: Record<string, { password?: string; entry_count: number; entries: { secret: string }[] }>;
}

const PASSWORD = 'the right one';
const responses: string[] = [];
/** Secrets that must never appear in a response. */
const secrets = new Set<string>();
const harnesses: Harness[] = [];
let nextFile: string | null = null;
const tmp = mkdtempSync(path.join(tmpdir(), 'authdesk-import-handlers-'));

async function harness(options: { wrapSecrets?: (s: SecretStore) => SecretStore } = {}) {
  const h = await realHandlers('authdesk-import', { ...options, chooseImportFile: async () => nextFile });
  harnesses.push(h);
  const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<Outcome<ResultOf<C>>> => {
    const outcome = await h.call(channel, input);
    responses.push(JSON.stringify(outcome));
    return outcome;
  };
  const ok = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> => {
    const outcome = await call(channel, input);
    if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value;
  };
  return { h, call, ok };
}

function preview(step: ImportStep | { kind: string; step?: ImportStep }) {
  const s = 'kind' in step ? step.step! : step;
  if (s.status !== 'preview') throw new Error(`expected a preview, got ${JSON.stringify(s)}`);
  return s;
}

const totp = (issuer: string, name: string, secret: string): AccountDraft => ({
  type: 'totp',
  issuer,
  name,
  secret,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});
/** 12 accounts with distinct 10-byte secrets: two transfer QR codes (≤ 10 each). */
const TRANSFER_ACCOUNTS = Array.from({ length: 12 }, (_, i) =>
  totp(`Transfer ${i + 1}`, `user${i + 1}`, `JBSWY3DPEHPK3P${'ABCDEFGHIJKL'[i]}Q`.padEnd(16, 'A')),
);
for (const a of TRANSFER_ACCOUNTS) secrets.add(a.secret);

beforeAll(() => {
  if (!hasVectors) return;
  const expected = readVectorJson<Expected>('importers', 'expected.json');
  for (const name of ['aegis_plain.json', 'aegis_encrypted.json', '2fas_authenticator_plain.2fas', 'plain.txt'])
    for (const e of expected.files[name]!.entries) secrets.add(e.secret);
});

afterAll(async () => {
  for (const h of harnesses) await h.cleanUp();
  rmSync(tmp, { recursive: true, force: true });
});

describeWithVectors('importing another app’s file (vectors)', () => {
  const expected = () => readVectorJson<Expected>('importers', 'expected.json').files;

  it('a plain Aegis file: preview of every entry, then Import writes them all', async () => {
    const { h, ok } = await harness();
    nextFile = vectorPath('importers', 'aegis_plain.json');
    const step = preview(await ok('transfer.importFile', {}));
    expect(step.fileName).toBe('aegis_plain.json');
    expect(step.preview.format).toBe('aegis');
    expect(step.preview.items).toHaveLength(expected()['aegis_plain.json']!.entry_count);
    expect(step.preview.items.every((i) => i.include && i.duplicateOf === null)).toBe(true);
    expect(step.preview.items[0]).toMatchObject({ issuer: 'Deno', name: 'Mason', type: 'totp', digits: 6 });
    expect(await h.vault.list()).toHaveLength(0); // nothing written before Import

    const all = step.preview.items.map((_, i) => i);
    const added = await ok('transfer.importCommit', { token: step.token, include: all });
    expect(added).toHaveLength(all.length);
    expect(await h.vault.list()).toHaveLength(all.length);
    // The token is used up: a second Import cannot write twice.
    expect(await h.call('transfer.importCommit', { token: step.token, include: all })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('2FAS and an otpauth list with the same accounts: duplicates marked and left out by default', async () => {
    const { h, ok } = await harness();
    nextFile = vectorPath('importers', 'plain.txt');
    const list = preview(await ok('transfer.importFile', {}));
    expect(list.preview.format).toBe('otpauth');
    expect(list.preview.items).toHaveLength(expected()['plain.txt']!.entry_count);
    await ok('transfer.importCommit', { token: list.token, include: list.preview.items.map((_, i) => i) });
    const before = (await h.vault.list()).length;

    nextFile = vectorPath('importers', '2fas_authenticator_plain.2fas');
    const twofas = preview(await ok('transfer.importFile', {}));
    expect(twofas.preview.format).toBe('2fas');
    const dupes = twofas.preview.items.filter((i) => i.duplicateOf !== null);
    expect(dupes.length).toBeGreaterThan(0);
    expect(dupes.every((i) => !i.include)).toBe(true);
    expect(dupes[0]!.duplicateOf).toContain(dupes[0]!.issuer);
    const ticked = twofas.preview.items.flatMap((i, n) => (i.include ? [n] : []));
    const added = await ok('transfer.importCommit', { token: twofas.token, include: ticked });
    expect(added).toHaveLength(ticked.length);
    expect(await h.vault.list()).toHaveLength(before + ticked.length);
  });

  it('a ticked duplicate is added as a second account named "(2)"', async () => {
    const { h, ok } = await harness();
    nextFile = vectorPath('importers', 'plain.txt');
    const first = preview(await ok('transfer.importFile', {}));
    await ok('transfer.importCommit', { token: first.token, include: [0] });
    const again = preview(await ok('transfer.importFile', {}));
    expect(again.preview.items[0]).toMatchObject({ include: false, duplicateOf: expect.any(String) });
    const [copy] = await ok('transfer.importCommit', { token: again.token, include: [0] });
    expect(copy!.name).toBe(`${first.preview.items[0]!.name} (2)`);
    expect(await h.vault.list()).toHaveLength(2);
  });

  it('an encrypted Aegis file asks for the password; a wrong one says so and can be typed again', async () => {
    const { h, ok } = await harness();
    nextFile = vectorPath('importers', 'aegis_encrypted.json');
    const asked = await ok('transfer.importFile', {});
    expect(asked).toMatchObject({ status: 'problem', error: { code: 'password-required' } });
    if (asked.status !== 'problem') return;
    const wrong = await ok('transfer.importRetry', { token: asked.token, password: 'not the password' });
    expect(wrong).toMatchObject({ status: 'problem', token: asked.token, error: { code: 'wrong-password' } });
    expect(JSON.stringify(wrong)).not.toContain('not the password');
    const right = preview(
      await ok('transfer.importRetry', { token: asked.token, password: expected()['aegis_encrypted.json']!.password }),
    );
    expect(right.preview.items).toHaveLength(expected()['aegis_encrypted.json']!.entry_count);
    expect(await h.vault.list()).toHaveLength(0);
    await ok('transfer.importCommit', { token: right.token, include: [0, 1] });
    expect(await h.vault.list()).toHaveLength(2);
  });
});

describe('files that cannot be read as they are', () => {
  it('a ZipCrypto password that passes its one-byte check but is wrong: asked again, and the right one opens it', async () => {
    const { h, ok } = await harness();
    const lines = 'otpauth://totp/Forge:carol?secret=MFRGGZDFMZTWQ2LKMFRGGZDF&issuer=Forge\n';
    secrets.add('MFRGGZDFMZTWQ2LKMFRGGZDF');
    const zip = await zipCryptoZip({ 'Accounts.txt': lines }, PASSWORD);
    nextFile = path.join(tmp, 'authenticator-plus.zip');
    writeFileSync(nextFile, zip);
    const { passesCheck } = await passwordsAgainstTheCheckByte(zip);
    const asked = await ok('transfer.importFile', {});
    expect(asked).toMatchObject({ status: 'problem', error: { code: 'password-required' } });
    if (asked.status !== 'problem') return;
    const unsure = await ok('transfer.importRetry', { token: asked.token, password: passesCheck });
    // Still held under the same token: the password can be typed again.
    expect(unsure).toMatchObject({
      status: 'problem',
      token: asked.token,
      error: { code: 'wrong-password-or-damaged' },
    });
    const right = preview(await ok('transfer.importRetry', { token: asked.token, password: PASSWORD }));
    expect(right.preview.items.map((i) => i.issuer)).toEqual(['Forge']);
    expect(await h.vault.list()).toHaveLength(0);
  });
  it('an unknown format lists the known formats; a forced format is tried on the same file', async () => {
    const { ok } = await harness();
    nextFile = path.join(tmp, 'notes.txt');
    writeFileSync(nextFile, 'just some notes\nnothing to see\n');
    const step = await ok('transfer.importFile', {});
    expect(step).toMatchObject({ status: 'problem', fileName: 'notes.txt', error: { code: 'unknown-format' } });
    if (step.status !== 'problem') return;
    expect(step.error.message).toMatch(/Known formats: .*aegis \(Aegis/);
    const forced = await ok('transfer.importRetry', { token: step.token, format: 'aegis' });
    expect(forced).toMatchObject({ status: 'problem', token: step.token });
    const formats = await ok('transfer.importFormats', {});
    expect(formats.map((f) => f.id)).toEqual(expect.arrayContaining(['aegis', '2fas', 'otpauth', 'migration']));
  });

  it('a damaged file says what is wrong and where', async () => {
    const { ok } = await harness();
    nextFile = path.join(tmp, 'cut.json');
    writeFileSync(nextFile, '{"version":1,"header":{"slots":null},"db":{"entries":[{"type":"totp"');
    const step = await ok('transfer.importFile', {});
    expect(step).toMatchObject({ status: 'problem', error: { code: 'damaged-file' } });
    if (step.status === 'problem') expect(step.error.message).toMatch(/cut\.json \(Aegis\) is damaged/);
  });

  it('a held file is dropped after 15 minutes without use', async () => {
    const { h, call, ok } = await harness();
    nextFile = path.join(tmp, 'held.txt');
    writeFileSync(nextFile, 'otpauth://totp/Held:me?secret=JBSWY3DPEHPK3PXQ&issuer=Held\n');
    const step = preview(await ok('transfer.importFile', {}));
    h.clock.advance(IMPORT_TTL_MS);
    expect(await call('transfer.importCommit', { token: step.token, include: [0] })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('15 minutes') },
    });
  });

  it('a closed dialog is "cancelled"; a 50 MB or missing file is a clear error', async () => {
    const { call, ok } = await harness();
    nextFile = null;
    expect(await ok('transfer.importFile', {})).toEqual({ status: 'cancelled' });
    nextFile = path.join(tmp, 'huge.json');
    writeFileSync(nextFile, '');
    truncateSync(nextFile, 50 * 1024 * 1024); // sparse: refused from its size, never read
    expect(await call('transfer.importFile', {})).toMatchObject({
      ok: false,
      error: { code: 'file-too-large', message: expect.stringContaining('50 MB') },
    });
    nextFile = path.join(tmp, 'gone.json');
    expect(await call('transfer.importFile', {})).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringContaining('does not exist') },
    });
  });

  it('a failure in the middle of Import leaves the vault and the keychain as they were', async () => {
    let writes = 0;
    const { h, ok, call } = await harness({
      wrapSecrets: (store) => ({
        ...store,
        get: (a) => store.get(a),
        delete: (a) => store.delete(a),
        accounts: () => store.accounts(),
        isLocked: () => store.isLocked(),
        unlock: () => store.unlock(),
        set: async (account, secret) => {
          if (++writes > 3) throw new AuthdeskError('keychain-failed', 'The keychain refused (test: full).');
          await store.set(account, secret);
        },
      }),
    });
    nextFile = path.join(tmp, 'five.txt');
    writeFileSync(
      nextFile,
      TRANSFER_ACCOUNTS.slice(0, 5)
        .map((a) => `otpauth://totp/${a.issuer}:${a.name}?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}\n`)
        .join(''),
    );
    const step = preview(await ok('transfer.importFile', {}));
    expect(await call('transfer.importCommit', { token: step.token, include: [0, 1, 2, 3, 4] })).toMatchObject({
      ok: false,
      error: { code: 'keychain-failed' },
    });
    expect(await h.vault.list()).toEqual([]);
    expect(await h.secrets.accounts()).toEqual([]);
    // Nothing was lost either: the same preview can be imported once the keychain has room.
    writes = -100;
    expect(await ok('transfer.importCommit', { token: step.token, include: [0, 1, 2, 3, 4] })).toHaveLength(5);
  });
});

describe('Google Authenticator transfer codes', () => {
  it('two parts scanned in reverse order (one twice): "1 of 2", then every account, then Import', async () => {
    const { h, ok } = await harness();
    const { uris } = exportMigration(TRANSFER_ACCOUNTS, 4242);
    expect(uris).toHaveLength(2);

    const second = await ok('enroll.preview', { text: uris[1]! });
    expect(second.kind).toBe('transfer');
    const partial = preview(second);
    expect(partial.transfer).toEqual({ total: 2, scanned: [1], missing: [0], complete: false });
    expect(partial.preview.items).toHaveLength(2);

    const repeated = preview(await ok('enroll.preview', { text: uris[1]! }));
    expect(repeated.token).toBe(partial.token);
    expect(repeated.transfer!.scanned).toEqual([1]);

    const whole = preview(await ok('enroll.preview', { text: uris[0]! }));
    expect(whole.token).toBe(partial.token);
    expect(whole.transfer).toEqual({ total: 2, scanned: [0, 1], missing: [], complete: true });
    expect(whole.preview.items.map((i) => i.issuer)).toEqual(TRANSFER_ACCOUNTS.map((a) => a.issuer));
    expect(await h.vault.list()).toHaveLength(0);

    const added = await ok('transfer.importCommit', {
      token: whole.token,
      include: whole.preview.items.map((_, i) => i),
    });
    expect(added).toHaveLength(12);
    // Scanned again later: a new batch, every account marked as already there.
    const again = preview(await ok('enroll.preview', { text: uris[0]! }));
    expect(again.token).not.toBe(whole.token);
    expect(again.preview.items.every((i) => i.duplicateOf !== null && !i.include)).toBe(true);
  });

  it('a part of another export is refused while the open one is incomplete; a damaged code says so', async () => {
    const { call, ok } = await harness();
    const a = exportMigration(TRANSFER_ACCOUNTS, 1).uris;
    const b = exportMigration(TRANSFER_ACCOUNTS, 2).uris;
    const open = preview(await ok('enroll.preview', { text: a[0]! }));
    expect(await call('enroll.preview', { text: b[0]! })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringContaining('different Google Authenticator export') },
    });
    await ok('transfer.importDiscard', { token: open.token });
    expect(preview(await ok('enroll.preview', { text: b[0]! })).transfer!.scanned).toEqual([0]);
    expect(await call('enroll.preview', { text: 'otpauth-migration://offline?data=%%%' })).toMatchObject({
      ok: false,
      error: { code: 'damaged-file' },
    });
  });

  it('no response of this file carried a secret or a password', () => {
    const all = responses.join('\n');
    expect(responses.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toContain(PASSWORD);
    if (hasVectors) {
      const password = readVectorJson<Expected>('importers', 'expected.json').files['aegis_encrypted.json']!.password!;
      expect(all).not.toContain(`"${password}"`);
    }
  });
});
