/**
 * The one rule: no handler ever returns a secret. Every channel is called
 * (successes and typical failures) with accounts present, and every response
 * is searched for every secret in every spelling a leak could take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32, secretBytes } from '../../../core/otp/index';
import { channels, type Channel } from '../../../common/ipc/contract';
import { realHandlers } from './harness';
import { readAllSecrets } from '../../support/keychain';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportAegisEncrypted, exportMigration } from '../../../core/transfer/index';
import type { ExportShell } from '../../../electron/handlers/export-shell';

let h: Awaited<ReturnType<typeof realHandlers>>;
const responses = new Map<Channel, string[]>();

// Secrets of different lengths (10-byte and 20-byte keys are the common ones).
const TOTP = 'JBSWY3DPEHPK3PXP';
const TOTP_SHA256 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const HOTP = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const PREVIEWED = 'KRUGS4ZANFZSAYJAONSWG4TFOQQQ';
const ORPHAN = 'ONSWG4TFOQQG63TMPEQGC3RAN5ZHA2DBNY';
const IMPORTED = 'NBSWY3DPO5XXE3DEEBQW4ZDTMFWXA3DF';
const TRANSFERRED = 'KNSWG4TFORZSAZTSN5WSAYJAOBUG63TF';
const importFile = path.join(mkdtempSync(path.join(tmpdir(), 'authdesk-leaks-import-')), 'aegis.json');
const exportDir = mkdtempSync(path.join(tmpdir(), 'authdesk-leaks-export-'));
/** Each save dialog answers a new file in exportDir; "Verify backup" opens the last one written. */
let lastSaved = '';
const exportShell: ExportShell = {
  chooseSaveFile: async ({ defaultName }) => (lastSaved = path.join(exportDir, `${responses.size}-${defaultName}`)),
  chooseBackupFile: async () => lastSaved,
  protectWindow: async () => undefined,
};
const backupFolder = mkdtempSync(path.join(tmpdir(), 'authdesk-leaks-backups-'));
const BACKUP_PASSWORD = 'staple backup phrase';

/** Every way a secret could show up in a JSON response. */
function spellings(base32: string): string[] {
  const bytes = Buffer.from(secretBytes(base32));
  const forms = [
    base32,
    base32.toLowerCase(),
    encodeBase32(bytes),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('base64').replace(/=+$/, ''),
  ];
  // Grouped for display ("JBSW Y3DP ...") is another classic leak.
  forms.push(base32.match(/.{1,4}/g)!.join(' '));
  return [...new Set(forms)].filter((f) => f.length >= 8);
}

async function record<C extends Channel>(channel: C, input: Parameters<typeof h.call<C>>[1]) {
  const outcome = await h.call(channel, input);
  const list = responses.get(channel) ?? [];
  // The only secret-bearing bytes allowed out: PNG images of QR codes the user asked to show (see the export step).
  list.push((JSON.stringify(outcome) ?? '').replace(/"data:image\/png;base64,[A-Za-z0-9+/=]+"/g, '"PNG"'));
  responses.set(channel, list);
  return outcome;
}

beforeAll(async () => {
  h = await realHandlers('authdesk-leaks', {
    chooseImportFile: async () => importFile,
    exportShell,
    chooseBackupFolder: async () => backupFolder,
  });
  // Accounts present: a uri, a manual entry (typed with spaces, lower case), a HOTP.
  const a = await record('accounts.add', {
    uri: `otpauth://totp/Example:alice@example.com?secret=${TOTP}&issuer=Example`,
  });
  const b = await record('accounts.add', {
    manual: {
      issuer: 'Bank',
      name: 'bob',
      secret: TOTP_SHA256.toLowerCase().replace(/(.{4})/g, '$1 '),
      algorithm: 'SHA256',
      digits: 8,
    },
  });
  const c = await record('accounts.add', { uri: `otpauth://hotp/Forge:carol?secret=${HOTP}&issuer=Forge&counter=5` });
  if (!a.ok || !b.ok || !c.ok) throw new Error('could not set up accounts');
  const [idA, idB, idC] = [a.value.id, b.value.id, c.value.id];

  // Failures that carry the secret in their input must not carry it back.
  await record('accounts.add', { uri: `otpauth://totp/Example:alice@example.com?secret=${TOTP}&issuer=Example` }); // duplicate
  await record('accounts.add', { manual: { issuer: 'X', name: 'y', secret: `${TOTP}!!` } }); // bad secret
  await record('accounts.add', { uri: `otpauth://totp/X:y?secret=${TOTP}&algorithm=MD5` }); // bad algorithm

  await record('accounts.list', {});
  await record('accounts.rename', { id: idA, issuer: 'Example Corp', name: 'alice' });
  await record('accounts.reorder', { ids: [idC, idA, idB] });
  await record('accounts.updateParams', { id: idA, digits: 8, algorithm: 'SHA512' });
  await record('accounts.updateParams', { id: idC, period: 60 }); // refused: HOTP has no period
  await record('codes.current', {});
  await record('codes.current', { ids: [idB] });
  await record('codes.nextHotp', { id: idC });
  await record('codes.nextHotp', { id: idA }); // refused: time-based
  await record('codes.copy', { id: idA });
  await record('codes.copy', { id: idC }); // HOTP: the code on screen
  await record('codes.copy', { id: 'no-such-account' });
  await record('accounts.pin', { id: idB, pinned: true });
  await record('accounts.list', {});

  const preview = await record('enroll.preview', {
    text: `otpauth://totp/Portal:dave?secret=${PREVIEWED}&issuer=Portal`,
  });
  await record('enroll.preview', { text: `otpauth://totp/Example:alice@example.com?secret=${TOTP}&issuer=Example` }); // duplicate preview
  await record('enroll.preview', { text: `otpauth://totp/Bad?secret=${PREVIEWED}0189` }); // malformed secret
  await record('enroll.preview', { text: 'https://selfservice.educloud.no/' });
  if (!preview.ok || preview.value.kind !== 'otp') throw new Error('no preview token');
  await record('enroll.save', { token: preview.value.token, name: 'dave@portal' });
  await record('enroll.save', { token: preview.value.token }); // already saved
  const second = await record('enroll.preview', { text: `otpauth://totp/Other:erin?secret=${PREVIEWED}` });
  if (second.ok && second.value.kind === 'otp') await record('enroll.discard', { token: second.value.token });

  // Drift: a keychain item without metadata (orphan), and an account without its secret.
  await h.secrets.set('0f8fad5b-d9cb-469f-a165-70867728950e', ORPHAN);
  await h.secrets.delete(idB);
  await record('vault.status', {});
  await record('vault.repair', { id: '0f8fad5b-d9cb-469f-a165-70867728950e', action: 'restore' });
  await record('vault.repair', { id: idB, action: 'forget' });
  await record('vault.repair', { id: idA, action: 'forget' }); // refused: still has its secret
  await record('vault.undelete', { id: idA }); // refused: not in the trash
  await record('vault.status', {});
  await record('accounts.list', {});

  await record('settings.get', {});
  await record('settings.set', { contentProtection: false });
  await record('app.info', {});
  await record('app.openPortal', {});
  await record('vault.trash', {});
  await record('vault.unlockKeychain', {}); // unlocked already: no prompt
  await record('vault.acknowledge', {});
  await record('vault.restoreAll', {});
  await record('app.stepAside', {});
  await record('app.comeBack', {});
  await record('app.displays', {});
  await record('app.checkUpdate', {}); // off: the user has not opted in
  await record('app.openDownload', {}); // refused: no newer release is known
  await record('settings.set', { updateCheck: true });
  await record('app.checkUpdate', {}); // the harness has no feed: a plain failure sentence
  // The app lock: refused while off, then set, locked (every code channel refuses), unlocked.
  await record('app.lock', {});
  await record('settings.set', { appLock: 'password' });
  await record('app.setLockPassword', { password: 'correct horse battery' });
  await record('app.lock', {});
  await record('app.lockState', {});
  await record('codes.copy', { id: idA });
  await record('app.unlock', { password: 'wrong password' });
  await record('app.unlock', { password: 'correct horse battery' });
  await record('app.checkClock', {});
  await record('app.desktopStatus', {});
  await record('app.closeQuickPick', {});
  // Import: an encrypted file (password asked, a wrong one, the right one), a transfer code, commit, discard.
  const imported = { issuer: 'Imported', name: 'ivy', algorithm: 'SHA1', digits: 6, period: 30 } as const;
  const totpOf = (secret: string, issuer: string) => ({ ...imported, type: 'totp' as const, secret, issuer });
  writeFileSync(
    importFile,
    await exportAegisEncrypted([totpOf(IMPORTED, 'Imported'), totpOf(TOTP, 'Example')], 'correct horse battery', {
      scryptN: 1024,
    }),
  );
  await record('transfer.importFormats', {});
  const asked = await record('transfer.importFile', {});
  if (!asked.ok || asked.value.status === 'cancelled') throw new Error('no import token');
  const { token } = asked.value;
  await record('transfer.importRetry', { token, password: 'wrong password' });
  await record('transfer.importRetry', { token, password: 'correct horse battery' });
  await record('transfer.importCommit', { token, include: [0, 1] });
  const [code] = exportMigration([totpOf(TRANSFERRED, 'Transferred')]).uris;
  const transfer = await record('enroll.preview', { text: code! });
  if (transfer.ok && transfer.value.kind === 'transfer')
    await record('transfer.importDiscard', { token: transfer.value.step.token });
  // Export: every format, the sheet, and a backup verified. The transfer QR codes come back as PNG
  // images, which encode secrets as pictures by design (the hand-off to a phone); they are left out of
  // the search below, which looks at every other byte of the response (the count and the labels).
  await record('transfer.exportFile', { format: 'encrypted', password: 'correct horse battery' });
  await record('transfer.verifyChoose', {});
  const chosen = await record('transfer.verifyChoose', {});
  if (chosen.ok && chosen.value.status === 'chosen') {
    await record('transfer.verifyBackup', { token: chosen.value.token, password: 'wrong password' });
    await record('transfer.verifyBackup', { token: chosen.value.token, password: 'correct horse battery' });
  }
  await record('transfer.exportFile', { format: 'aegis', password: 'correct horse battery' });
  await record('transfer.exportFile', { format: 'otpauth' });
  await record('transfer.exportSheet', { language: 'nb' });
  const qr = await record('transfer.exportQrCodes', {});
  if (!qr.ok || !qr.value.images.length) throw new Error('no transfer QR codes');
  const one = await record('transfer.accountQr', { id: idA });
  if (!one.ok) throw new Error(`no account QR code: ${one.error.message}`);
  await record('transfer.qrHidden', {});
  // Automatic backups: refused before a password is set, then set up, written, reminded, dismissed.
  await record('backup.status', {});
  await record('backup.runNow', {}); // refused: no folder, no password
  await record('backup.chooseFolder', {});
  await record('backup.setPassword', { password: BACKUP_PASSWORD });
  await record('backup.runNow', {});
  await record('backup.status', {});
  await record('backup.dismissReminder', {});
  await record('backup.turnOff', {});
  await record('accounts.remove', { id: idC });
  await record('accounts.remove', { id: idC }); // refused: already gone
}, 60_000);

afterAll(async () => {
  await h?.cleanUp();
  rmSync(exportDir, { recursive: true, force: true });
});

describe('no handler returns a secret', () => {
  it('every contract channel was called', () => {
    expect([...responses.keys()].sort()).toEqual([...channels].sort());
  });

  it('the vault really holds those secrets (the search below looks for real values)', async () => {
    const stored = (await readAllSecrets(h.secrets)).map((i) => i.secret);
    expect(stored).toEqual(expect.arrayContaining([TOTP, PREVIEWED, ORPHAN, IMPORTED]));
  });

  it.each([TOTP, TOTP_SHA256, HOTP, PREVIEWED, ORPHAN, IMPORTED, TRANSFERRED])(
    'no response contains %s in any spelling',
    (secret) => {
      const forms = spellings(secret);
      for (const [channel, texts] of responses) {
        for (const text of texts) {
          for (const form of forms)
            expect(text.includes(form), `${channel} leaked ${form}: ${text.slice(0, 200)}`).toBe(false);
        }
      }
    },
  );

  it('no response holds the backup password, and a backup was really written with it', () => {
    expect(readdirSync(backupFolder).filter((n) => n.startsWith('authdesk-backup-'))).toHaveLength(1);
    for (const [channel, texts] of responses)
      for (const text of texts)
        expect(text.includes(BACKUP_PASSWORD), `${channel} echoed the backup password`).toBe(false);
  });

  it('no response echoes the app-lock password (right or wrong)', () => {
    for (const [channel, texts] of responses)
      for (const text of texts) {
        expect(text.includes('correct horse'), `${channel} echoed the lock password`).toBe(false);
        expect(text.includes('wrong password'), `${channel} echoed a tried password`).toBe(false);
      }
  });

  it('failures came back as values with plain sentences, never stack traces', () => {
    const all = [...responses.values()]
      .flat()
      .map((t) => JSON.parse(t) as { ok: boolean; error?: { code: string; message: string } });
    const failures = all.filter((o) => !o.ok);
    expect(failures.map((f) => f.error!.code)).toEqual(
      expect.arrayContaining([
        'duplicate',
        'bad-secret',
        'bad-algorithm',
        'bad-input',
        'not-found',
        'app-locked',
        'wrong-password',
        'lock-unavailable',
      ]),
    );
    for (const f of failures) expect(f.error!.message).not.toMatch(/\n\s+at |\.ts:\d+/);
  });
});
