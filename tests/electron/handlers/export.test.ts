/**
 * transfer.export*, transfer.qrHidden and transfer.verify* against the real
 * handlers, a real vault and the real Secret Service (scripts/with-keyring.sh).
 * The save/open dialogs and the window protection are the one injected port
 * (the shell): the test names the files and records the protection. Every
 * file the app writes is read back by its importer (or decoded from its QR
 * images) and compared with the vault; every response is searched for the
 * secrets at the end (the QR codes' PNG data is the deliberate exception:
 * a picture of the secrets is what is handed to the phone).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../common/otp/types';
import type { Channel, InputOf, Outcome, ResultOf } from '../../../common/ipc/contract';
import { loadPolicy } from '../../../core/policy';
import { parseOtpauthUri } from '../../../core/otp/index';
import { decodeMigrationUri, readImport } from '../../../core/transfer/index';
import type { ExportShell, SaveRequest } from '../../../electron/handlers/export-shell';
import { prepareDecoderForNode, readQrTextsFromFile } from '../../../cli/qr-from-file';
import { realHandlers } from '../../unit/handlers/harness';

const PASSWORD = 'correct horse battery';
const tmp = mkdtempSync(path.join(tmpdir(), 'authdesk-export-handlers-'));
const responses: string[] = [];
const harnesses: Awaited<ReturnType<typeof realHandlers>>[] = [];

const totp = (issuer: string, name: string, secret: string, extra: Partial<AccountDraft> = {}) =>
  ({ type: 'totp', issuer, name, secret, algorithm: 'SHA1', digits: 6, period: 30, ...extra }) as AccountDraft;
/** 12 accounts Google Authenticator can hold (two QR codes), one it cannot (7 digits), one HOTP. */
const ACCOUNTS: AccountDraft[] = [
  ...Array.from({ length: 12 }, (_, i) =>
    totp(`Service ${i + 1}`, `user${i + 1}@uio.no`, `ONSWG4TFOQQG63T${'ABCDEFGHIJKL'[i]}`.padEnd(16, 'A')),
  ),
  totp('Odd', 'seven digits', 'GEZDGNBVGY3TQOJQGEZDGNBV', { digits: 7 }),
  {
    type: 'hotp',
    issuer: 'Forge',
    name: 'carol',
    secret: 'MFRGGZDFMZTWQ2LKNNWG23TP',
    algorithm: 'SHA1',
    digits: 6,
    counter: 5,
  },
];
const SECRETS = ACCOUNTS.map((a) => a.secret);

/** The shell's part, played by the test: the next dialog answers, and every protection change. */
class TestShell implements ExportShell {
  saveAnswer: string | null = null;
  openAnswer: string | null = null;
  readonly asked: SaveRequest[] = [];
  readonly protection: boolean[] = [];
  async chooseSaveFile(request: SaveRequest) {
    this.asked.push(request);
    return this.saveAnswer;
  }
  async chooseBackupFile() {
    return this.openAnswer;
  }
  async protectWindow(on: boolean) {
    this.protection.push(on);
  }
}

async function harness(options: { policy?: ReturnType<typeof loadPolicy>; accounts?: AccountDraft[] } = {}) {
  const shell = new TestShell();
  const h = await realHandlers('authdesk-export', { exportShell: shell, policy: options.policy });
  harnesses.push(h);
  if (options.accounts ?? ACCOUNTS) await h.vault.addMany(options.accounts ?? ACCOUNTS);
  const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<Outcome<ResultOf<C>>> => {
    const outcome = await h.call(channel, input);
    // QR images are pictures of the secrets by design; everything else must hold none.
    const text = JSON.stringify(outcome).replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, 'PNG');
    responses.push(text);
    return outcome;
  };
  const ok = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> => {
    const outcome = await call(channel, input);
    if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value;
  };
  return { h, shell, call, ok };
}

let fileNo = 0;
const fresh = (name: string) => path.join(tmp, `${++fileNo}-${name}`);

/** What an export must bring back: the vault's accounts, without ids, in order. */
async function vaultDrafts(h: Awaited<ReturnType<typeof realHandlers>>): Promise<AccountDraft[]> {
  return (await h.vault.exportDrafts()).map(({ id: _id, ...d }) => d as AccountDraft);
}
const bare = (entries: AccountDraft[]) =>
  entries.map(({ groups: _g, note: _n, ...d }: AccountDraft & { groups?: unknown; note?: unknown }) => d);

beforeAll(() => prepareDecoderForNode());
afterAll(async () => {
  for (const h of harnesses) await h.cleanUp();
  rmSync(tmp, { recursive: true, force: true });
});

describe('transfer.exportFile', () => {
  it.each(['encrypted', 'aegis'] as const)(
    '%s: a new 0600 file that its importer opens with the password, every account unchanged',
    async (format) => {
      const { h, shell, ok } = await harness();
      shell.saveAnswer = fresh(`${format}.json`);
      const result = await ok('transfer.exportFile', { format, password: PASSWORD });
      expect(result).toEqual({ status: 'written', file: shell.saveAnswer, count: ACCOUNTS.length });
      expect(shell.asked[0]!.defaultName).toMatch(
        format === 'encrypted' ? /^authdesk-backup-2026-01-15\.json$/ : /^aegis-export-/,
      );
      expect(statSync(shell.saveAnswer).mode & 0o777).toBe(0o600);
      const text = readFileSync(shell.saveAnswer, 'utf8');
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      const back = await readImport(shell.saveAnswer, { password: PASSWORD });
      expect(back.format).toBe(format === 'encrypted' ? 'authdesk' : 'aegis');
      expect(bare(back.entries)).toEqual(await vaultDrafts(h));
      await expect(readImport(shell.saveAnswer, { password: 'not the password' })).rejects.toMatchObject({
        code: 'wrong-password',
      });
    },
    30_000,
  );

  it('otpauth: the plain list reads back through the otpauth importer', async () => {
    const { h, shell, ok } = await harness();
    shell.saveAnswer = fresh('links.txt');
    expect(await ok('transfer.exportFile', { format: 'otpauth' })).toMatchObject({ status: 'written', count: 14 });
    const back = await readImport(shell.saveAnswer);
    expect(back.format).toBe('otpauth');
    expect(bare(back.entries)).toEqual(await vaultDrafts(h));
  });

  it('never overwrites: an existing file is refused with file-exists and left as it was', async () => {
    const { shell, call } = await harness();
    shell.saveAnswer = fresh('old-backup.json');
    writeFileSync(shell.saveAnswer, 'my only older backup');
    expect(await call('transfer.exportFile', { format: 'encrypted', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'file-exists' },
    });
    expect(readFileSync(shell.saveAnswer, 'utf8')).toBe('my only older backup');
  });

  it('a closed dialog writes nothing; encrypted formats refuse a missing or short password before any dialog', async () => {
    const { shell, ok, call } = await harness();
    expect(await ok('transfer.exportFile', { format: 'aegis', password: PASSWORD })).toEqual({ status: 'cancelled' });
    expect(await call('transfer.exportFile', { format: 'encrypted' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(await call('transfer.exportFile', { format: 'encrypted', password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(shell.asked).toHaveLength(1);
  });

  it('an empty vault says there is nothing to export, without a dialog', async () => {
    const { shell, call } = await harness({ accounts: [] });
    expect(await call('transfer.exportFile', { format: 'otpauth' })).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-export' },
    });
    expect(shell.asked).toEqual([]);
  });

  it('a policy forbidding plain-text export refuses the list, the QR codes and the sheet, but not an encrypted backup', async () => {
    const file = path.join(tmp, 'policy.json');
    writeFileSync(file, JSON.stringify({ forbidPlainTextExport: true }));
    const { shell, call, ok } = await harness({ policy: loadPolicy(file) });
    for (const [channel, input] of [
      ['transfer.exportFile', { format: 'otpauth' }],
      ['transfer.exportQrCodes', {}],
      ['transfer.exportSheet', { language: 'nb' }],
    ] as const) {
      const refused = await call(channel, input as never);
      expect(refused).toMatchObject({ ok: false, error: { code: 'managed-by-policy' } });
      expect(JSON.stringify(refused)).toContain('forbidPlainTextExport');
    }
    expect(shell.asked).toEqual([]);
    expect(shell.protection).toEqual([]);
    shell.saveAnswer = fresh('allowed.json');
    expect(await ok('transfer.exportFile', { format: 'encrypted', password: PASSWORD })).toMatchObject({
      status: 'written',
    });
  }, 30_000);
});

describe('transfer.exportQrCodes', () => {
  it('≤ 10 accounts a code, as PNG images that decode to transfer links holding every account that fits', async () => {
    const { h, shell, ok } = await harness();
    await h.settings.set({ contentProtection: false });
    const codes = await ok('transfer.exportQrCodes', {});
    expect(codes.images).toHaveLength(2);
    expect(codes.count).toBe(13);
    expect(codes.leftOut).toEqual(['Odd (seven digits)']);
    expect(shell.protection).toEqual([true]); // on before the images go back

    const decoded: AccountDraft[] = [];
    for (const [i, image] of codes.images.entries()) {
      expect(image).toMatch(/^data:image\/png;base64,/);
      const png = fresh(`qr-${i}.png`);
      writeFileSync(png, Buffer.from(image.split(',')[1]!, 'base64'));
      const [text] = await readQrTextsFromFile(png);
      const batch = decodeMigrationUri(text!);
      expect(batch).toMatchObject({ batchIndex: i, batchSize: 2 });
      expect(batch.result.entries.length).toBeLessThanOrEqual(10);
      decoded.push(...batch.result.entries);
    }
    const fits = (await vaultDrafts(h)).filter((a) => a.issuer !== 'Odd');
    expect(bare(decoded)).toEqual(fits);

    await ok('transfer.qrHidden', {});
    expect(shell.protection).toEqual([true, false]);
  }, 60_000);
});

describe('transfer.accountQr', () => {
  it('one account’s otpauth link as a PNG, protection on while shown; an unknown id is not-found', async () => {
    const { h, shell, ok, call } = await harness({ accounts: ACCOUNTS.slice(12) });
    const hotp = (await h.vault.list()).find((a) => a.type === 'hotp')!;
    const qr = await ok('transfer.accountQr', { id: hotp.id });
    expect(qr.label).toBe('Forge (carol)');
    expect(shell.protection).toEqual([true]);
    const png = fresh('account.png');
    writeFileSync(png, Buffer.from(qr.image.split(',')[1]!, 'base64'));
    const [text] = await readQrTextsFromFile(png);
    const [mine] = await vaultDrafts(h).then((all) => all.filter((a) => a.type === 'hotp'));
    expect(parseOtpauthUri(text!)).toEqual(mine);
    await ok('transfer.qrHidden', {});
    expect(shell.protection).toEqual([true, false]);
    expect(await call('transfer.accountQr', { id: 'no-such-account' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  }, 30_000);

  it('while the app is locked every export refuses (app-locked); hiding the codes still works', async () => {
    const { h, shell, call, ok } = await harness({ accounts: ACCOUNTS.slice(0, 1) });
    const [only] = await h.vault.list();
    await h.settings.set({ appLock: 'password' });
    await ok('app.setLockPassword', { password: PASSWORD });
    await ok('app.lock', {});
    shell.saveAnswer = fresh('locked.json');
    shell.openAnswer = shell.saveAnswer;
    for (const [channel, input] of [
      ['transfer.exportFile', { format: 'encrypted', password: PASSWORD }],
      ['transfer.exportQrCodes', {}],
      ['transfer.accountQr', { id: only!.id }],
      ['transfer.exportSheet', { language: 'en' }],
      ['transfer.verifyChoose', {}],
    ] as const)
      expect(await call(channel, input as never)).toMatchObject({ ok: false, error: { code: 'app-locked' } });
    expect(shell.asked).toEqual([]);
    await ok('transfer.qrHidden', {});
    expect(shell.protection).toEqual([false]);
  });
});

describe('transfer.exportSheet', () => {
  it('an HTML page per language with each account’s QR code, key, issuer and name; print CSS; 0600', async () => {
    const { h, shell, ok } = await harness({ accounts: ACCOUNTS.slice(11) });
    shell.saveAnswer = fresh('sheet.html');
    expect(await ok('transfer.exportSheet', { language: 'nb' })).toMatchObject({ status: 'written', count: 3 });
    expect(statSync(shell.saveAnswer).mode & 0o777).toBe(0o600);
    const html = readFileSync(shell.saveAnswer, 'utf8');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('Authdesk-gjenopprettingsark');
    expect(html).toMatch(/@media print/);
    expect(html).toContain('ONSW G4TF OQQG 63TL'); // the key in groups of four
    expect(html).toContain('seven digits');

    // Every QR image is the account's own otpauth link.
    const images = [...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => m[1]!);
    expect(images).toHaveLength(3);
    const links: AccountDraft[] = [];
    for (const [i, b64] of images.entries()) {
      const png = fresh(`sheet-${i}.png`);
      writeFileSync(png, Buffer.from(b64, 'base64'));
      const [text] = await readQrTextsFromFile(png);
      links.push(parseOtpauthUri(text!));
    }
    expect(links).toEqual(await vaultDrafts(h));

    shell.saveAnswer = fresh('sheet-en.html');
    await ok('transfer.exportSheet', { language: 'en' });
    expect(readFileSync(shell.saveAnswer, 'utf8')).toContain('Authdesk recovery sheet');
  }, 60_000);

  it('labels are escaped: a name cannot add markup to the page', async () => {
    const { shell, ok } = await harness({ accounts: [totp('<script>alert(1)</script>', 'a&b', 'JBSWY3DPEHPK3PXP')] });
    shell.saveAnswer = fresh('escaped.html');
    await ok('transfer.exportSheet', { language: 'en' });
    const html = readFileSync(shell.saveAnswer, 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a&amp;b');
  });
});

describe('transfer.verifyChoose + transfer.verifyBackup', () => {
  it('a fresh backup matches; after changes it names what is missing, extra and different; a wrong password says so', async () => {
    const { h, shell, ok, call } = await harness({ accounts: ACCOUNTS.slice(0, 4) });
    shell.saveAnswer = fresh('verify.json');
    await ok('transfer.exportFile', { format: 'encrypted', password: PASSWORD });

    expect(await ok('transfer.verifyChoose', {})).toEqual({ status: 'cancelled' });
    shell.openAnswer = shell.saveAnswer;
    const chosen = await ok('transfer.verifyChoose', {});
    if (chosen.status !== 'chosen') throw new Error('not chosen');
    expect(chosen.fileName).toBe(path.basename(shell.saveAnswer));

    expect(await ok('transfer.verifyBackup', { token: chosen.token, password: PASSWORD })).toMatchObject({
      ok: true,
      inBackup: 4,
      inVault: 4,
      matching: 4,
      missing: [],
      extra: [],
      different: [],
    });
    expect(await call('transfer.verifyBackup', { token: chosen.token, password: 'not the password' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-password' },
    });

    const [first, second] = await h.vault.list();
    await h.vault.rename(first!.id, 'Renamed', first!.name);
    await h.vault.remove(second!.id);
    await h.vault.add(totp('New', 'since the backup', 'KRUGS4ZANFZSAYJAONSWG4TFOQQQ'));
    const report = await ok('transfer.verifyBackup', { token: chosen.token, password: PASSWORD });
    expect(report).toMatchObject({ ok: false, inBackup: 4, inVault: 4, matching: 2 });
    expect(report.missing).toEqual(['New (since the backup)']);
    expect(report.extra).toEqual(['Service 2 (user2@uio.no)']);
    expect(report.different).toEqual([
      expect.stringMatching(/^Renamed \(user1@uio\.no\): issuer "Service 1" in the backup/),
    ]);
    expect(report.changes).toEqual([
      { account: 'Renamed (user1@uio.no)', fields: [{ field: 'issuer', inBackup: '"Service 1"', here: '"Renamed"' }] },
    ]);
  }, 60_000);

  it('an unknown token asks to choose the file again', async () => {
    const { call } = await harness({ accounts: [] });
    expect(await call('transfer.verifyBackup', { token: 'never-handed-out', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
  });
});

describe('without a shell (no dialogs here)', () => {
  it('every export channel refuses plainly', async () => {
    const h = await realHandlers('authdesk-export-none');
    harnesses.push(h);
    expect(await h.call('transfer.exportFile', { format: 'otpauth' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await h.call('transfer.verifyChoose', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('no response holds a secret', () => {
  it('searched every recorded response (the QR images replaced by "PNG")', () => {
    expect(responses.length).toBeGreaterThan(20);
    for (const text of responses)
      for (const secret of [...SECRETS, 'KRUGS4ZANFZSAYJAONSWG4TFOQQQ'])
        expect(text.includes(secret), `leaked ${secret}: ${text.slice(0, 200)}`).toBe(false);
    for (const text of responses) expect(text).not.toContain(PASSWORD);
  });
});
