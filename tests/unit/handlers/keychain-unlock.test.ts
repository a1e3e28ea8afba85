/**
 * vault.unlockKeychain against a REAL locked gnome-keyring (this file's own,
 * tests/support/private-keyring.ts, so locking it disturbs no other file):
 * codes fail with keychain-locked while the account list still works; the
 * unlock asks the Secret Service for its own prompt (no display here, so the
 * keyring ends it dismissed: false, and nothing changes); once the password
 * is typed into the keyring, the next unlock answers true and the codes come
 * back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { codeWindow } from '../../../core/otp/index';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';
import { realHandlers, T0 } from './harness';

const SECRET = 'JBSWY3DPEHPK3PXP';
let keyring: PrivateKeyring;
let h: Awaited<ReturnType<typeof realHandlers>>;

beforeAll(async () => {
  keyring = await startPrivateKeyring();
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.address; // this file's process only
  h = await realHandlers('authdesk-unlock');
}, 60_000);

afterAll(async () => {
  await h?.cleanUp();
  await keyring?.stop();
});

it('a locked keychain: codes refuse with keychain-locked, unlock asks the keyring, then the codes come back', async () => {
  const added = await h.ok('accounts.add', { uri: `otpauth://totp/Example:alice?secret=${SECRET}&issuer=Example` });
  expect(await h.ok('vault.unlockKeychain', {})).toEqual({ unlocked: true }); // not locked: no prompt

  await keyring.lock();
  expect(await keyring.isLocked()).toBe(true);
  // A fresh process (the app restarted while locked) has no secret cached: drop ours by reopening.
  const fresh = await realHandlers('authdesk-unlock-fresh', { dataDir: h.dataDir, wrapSecrets: () => h.secrets });
  const locked = await fresh.call('codes.current', {});
  expect(locked).toMatchObject({ ok: false, error: { code: 'keychain-locked' } });
  expect((await fresh.ok('accounts.list', {})).map((a) => a.id)).toEqual([added.id]); // the list needs no keychain

  // The prompt cannot open without a display: the keyring reports it dismissed, and it stays locked.
  expect(await fresh.ok('vault.unlockKeychain', {})).toEqual({ unlocked: false });
  expect(await keyring.isLocked()).toBe(true);
  expect(await fresh.call('codes.current', {})).toMatchObject({ ok: false, error: { code: 'keychain-locked' } });

  await keyring.typePassword();
  expect(await fresh.ok('vault.unlockKeychain', {})).toEqual({ unlocked: true });
  const codes = await fresh.ok('codes.current', {});
  expect(codes.map((c) => c.code)).toEqual([
    codeWindow(added.id, SECRET, { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 }, T0).code,
  ]);
});

it('vault.unlockKeychain takes no input', async () => {
  expect(await h.call('vault.unlockKeychain', { password: 'x' } as never)).toMatchObject({
    ok: false,
    error: { code: 'bad-input' },
  });
});
