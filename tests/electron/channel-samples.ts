/**
 * One valid input per contract channel (the Record type makes a new channel
 * without a sample a compile error), and bad inputs generated from them.
 */
import type { Channel, InputOf } from '../../common/ipc/contract';

export const validInputs: { [C in Channel]: InputOf<C> } = {
  'accounts.list': {},
  'accounts.add': { uri: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example' },
  'accounts.rename': { id: 'a1', issuer: 'Example', name: 'alice' },
  'accounts.remove': { id: 'a1' },
  'accounts.reorder': { ids: ['a1', 'a2'] },
  'accounts.updateParams': { id: 'a1', digits: 8 },
  'accounts.pin': { id: 'a1', pinned: true },
  'codes.current': { ids: ['a1'] },
  'codes.nextHotp': { id: 'a1' },
  'codes.copy': { id: 'a1' },
  'enroll.preview': { text: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP' },
  'enroll.save': { token: 't1', issuer: 'Example', name: 'alice' },
  'enroll.discard': { token: 't1' },
  'vault.status': {},
  'vault.repair': { id: 'a1', action: 'restore' },
  'vault.restoreAll': {},
  'vault.acknowledge': {},
  'vault.trash': {},
  'vault.undelete': { id: 'a1' },
  'vault.unlockKeychain': {},
  'settings.get': {},
  'settings.set': { contentProtection: false, language: 'nb', portalUrl: 'https://selfservice.educloud.no/' },
  'app.info': {},
  'app.openPortal': {},
  'app.openDownload': {},
  'app.stepAside': {},
  'app.comeBack': {},
  'app.displays': {},
  'app.checkUpdate': {},
  'app.lock': {},
  'app.unlock': { password: 'correct horse battery' },
  'app.lockState': {},
  'app.setLockPassword': { password: 'correct horse battery', current: 'old password' },
  'app.checkClock': {},
  'app.desktopStatus': {},
  'app.closeQuickPick': {},
  'transfer.importFormats': {},
  'transfer.importFile': { format: 'aegis' },
  'transfer.importRetry': { token: 'tok', format: 'aegis', password: 'pw' },
  'transfer.importCommit': { token: 'tok', include: [0] },
  'transfer.importDiscard': { token: 'tok' },
  'transfer.exportFile': { format: 'encrypted', password: 'correct horse battery' },
  'transfer.exportQrCodes': {},
  'transfer.accountQr': { id: 'a1' },
  'transfer.qrHidden': {},
  'transfer.exportSheet': { language: 'en' },
  'transfer.verifyChoose': {},
  'transfer.verifyBackup': { token: 'tok', password: 'pw' },
  'backup.status': {},
  'backup.chooseFolder': {},
  'backup.setPassword': { password: 'correct horse battery' },
  'backup.runNow': {},
  'backup.turnOff': {},
  'backup.dismissReminder': {},
};

export interface BadInput {
  why: string;
  input: unknown;
  /** The field the error message must name, if any. */
  field?: string;
}

/** A value of a different type than `value`. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number' || typeof value === 'boolean') return 'not-that';
  if (Array.isArray(value)) return { not: 'an array' };
  return 'not-an-object';
}

/** Bad inputs for one channel: not an object, an unknown field, and each field with the wrong type. */
export function badInputsFor(channel: Channel): BadInput[] {
  const valid = validInputs[channel] as Record<string, unknown>;
  const bad: BadInput[] = [
    { why: 'not an object', input: 'accounts.list' },
    { why: 'null', input: null },
    { why: 'an array', input: [valid] },
    { why: 'an unknown field', input: { ...valid, __proto_pollution__: true }, field: '__proto_pollution__' },
  ];
  for (const [key, value] of Object.entries(valid)) {
    bad.push({ why: `${key} of the wrong type`, input: { ...valid, [key]: wrongTypeFor(value) }, field: key });
  }
  return bad;
}
