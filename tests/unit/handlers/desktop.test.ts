/**
 * The desktop channels over the real handlers (real vault, real keychain in
 * the private gnome-keyring, real settings and lock files): codes.copy,
 * accounts.pin, the app lock gating every code channel, the clock status.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osFormat } from '../../../electron/clipboard-guard';
import { referenceHotp, referenceTotp } from '../../support/reference-otp';
import { realHandlers, T0 } from './harness';

const SECRET = 'JBSWY3DPEHPK3PXP';
const HOTP = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
let h: Awaited<ReturnType<typeof realHandlers>>;
/** The clock server's answer: offline until a test sets a Date. */
let serverDate: number | null = null;
let ids: { a: string; b: string; c: string };

beforeAll(async () => {
  h = await realHandlers('authdesk-desktop', {
    probe: async () => {
      if (serverDate === null) throw new Error('offline');
      return { serverMs: serverDate, sentAt: h.clock.now(), receivedAt: h.clock.now() };
    },
  });
  const a = await h.ok('accounts.add', { uri: `otpauth://totp/Alpha:alice?secret=${SECRET}&issuer=Alpha` });
  const b = await h.ok('accounts.add', { manual: { issuer: 'Bravo', name: 'bob', secret: 'GEZDGNBVGY3TQOJQ' } });
  const c = await h.ok('accounts.add', { uri: `otpauth://hotp/Counter:carol?secret=${HOTP}&issuer=Counter&counter=3` });
  ids = { a: a.id, b: b.id, c: c.id };
}, 60_000);
afterAll(async () => h?.cleanUp());

describe('codes.copy', () => {
  it('writes the current code to the clipboard in main, concealed, and says when it clears', async () => {
    expect(await h.ok('codes.copy', { id: ids.a })).toEqual({ clearAfterSeconds: 30 });
    expect(await h.clipboard.readText()).toBe(referenceTotp(SECRET, T0));
    expect(h.clipboard.entries![osFormat('x-kde-passwordManagerHint')]).toEqual(new TextEncoder().encode('secret'));
    expect(h.timers.at(-1)!.ms).toBe(30_000);
    h.timers.at(-1)!.fn();
    await expect.poll(() => h.clipboard.readText()).toBe('');
  });

  it('follows clipboardClearSeconds (0 = never)', async () => {
    await h.ok('settings.set', { clipboardClearSeconds: 0 });
    const before = h.timers.length;
    expect(await h.ok('codes.copy', { id: ids.a })).toEqual({ clearAfterSeconds: 0 });
    expect(h.timers.length).toBe(before);
    await h.ok('settings.set', { clipboardClearSeconds: 30 });
  });

  it('HOTP: copies the code on screen, or makes (and saves) the next one when none is shown', async () => {
    await h.ok('codes.copy', { id: ids.c });
    expect(await h.clipboard.readText()).toBe(referenceHotp(HOTP, 3));
    const shown = await h.ok('codes.nextHotp', { id: ids.c });
    expect(shown.code).toBe(referenceHotp(HOTP, 4));
    await h.ok('codes.copy', { id: ids.c });
    expect(await h.clipboard.readText()).toBe(shown.code); // the one on screen, no counter spent
    expect((await h.ok('accounts.list', {})).find((x) => x.id === ids.c)).toMatchObject({ type: 'hotp', counter: 5 });
  });

  it('an unknown account is a clear not-found', async () => {
    expect(await h.call('codes.copy', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('accounts.pin', () => {
  it('puts pinned accounts first in accounts.list and keeps the stored order otherwise', async () => {
    expect((await h.ok('accounts.list', {})).map((x) => x.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(await h.ok('accounts.pin', { id: ids.c, pinned: true })).toMatchObject({ id: ids.c, pinned: true });
    expect((await h.ok('accounts.list', {})).map((x) => x.id)).toEqual([ids.c, ids.a, ids.b]);
    const unpinned = await h.ok('accounts.pin', { id: ids.c, pinned: false });
    expect(unpinned).not.toHaveProperty('pinned');
    expect((await h.ok('accounts.list', {})).map((x) => x.id)).toEqual([ids.a, ids.b, ids.c]);
  });

  it('a file written before pins existed loads, and a pin is stored as a plain field', async () => {
    const file = path.join(h.dataDir, 'accounts.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { accounts: Record<string, unknown>[] };
    for (const a of doc.accounts) delete a.pinned;
    writeFileSync(file, JSON.stringify(doc));
    expect(await h.ok('accounts.list', {})).toHaveLength(3);
    await h.ok('accounts.pin', { id: ids.b, pinned: true });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { accounts: { id: string; pinned?: boolean }[] };
    expect(saved.accounts.find((a) => a.id === ids.b)!.pinned).toBe(true);
    await h.ok('accounts.pin', { id: ids.b, pinned: false });
  });
});

describe('the app lock through the channels', () => {
  it('lock refuses while off; set a password, lock, every code channel says app-locked', async () => {
    expect(await h.call('app.lock', {})).toMatchObject({ ok: false, error: { code: 'lock-unavailable' } });
    await h.ok('settings.set', { appLock: 'password' });
    expect(await h.ok('app.setLockPassword', { password: 'correct horse battery' })).toMatchObject({
      passwordSet: true,
      locked: false,
    });
    await h.ok('codes.copy', { id: ids.a });
    expect(await h.ok('app.lock', {})).toMatchObject({ locked: true, kind: 'password' });
    expect(await h.clipboard.readText()).toBe(''); // the copied code went with the lock
    for (const [channel, input] of [
      ['codes.current', {}],
      ['codes.nextHotp', { id: ids.c }],
      ['codes.copy', { id: ids.a }],
    ] as const) {
      const outcome = await h.call(channel, input as never);
      expect(outcome, channel).toMatchObject({ ok: false, error: { code: 'app-locked' } });
    }
    expect(await h.call('app.unlock', { password: 'wrong password' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-password' },
    });
    expect(await h.ok('app.lockState', {})).toMatchObject({ locked: true });
    expect(await h.ok('app.unlock', { password: 'correct horse battery' })).toMatchObject({ locked: false });
    expect(await h.ok('codes.current', {})).not.toHaveLength(0);
    await h.ok('settings.set', { appLock: 'off' });
  });
});

describe('desktop status', () => {
  it('reports the shortcut and the clock check; offline never blocks codes', async () => {
    expect(await h.ok('app.desktopStatus', {})).toMatchObject({ clock: { state: 'unchecked' } });
    expect(await h.ok('app.checkClock', {})).toMatchObject({ state: 'offline', server: 'selfservice.educloud.no' });
    expect(await h.ok('codes.current', {})).not.toHaveLength(0);
    expect(await h.ok('app.closeQuickPick', {})).toBeUndefined();
  });
});

describe('the clock offset', () => {
  it('a skewed clock is reported; once applied, codes use server time and roll over on local time', async () => {
    serverDate = T0 + 60_000; // the server is a minute ahead
    expect(await h.ok('app.checkClock', {})).toMatchObject({ state: 'skewed', offsetMs: 60_500, applied: false });
    expect((await h.ok('codes.current', { ids: [ids.a] }))[0]!.code).toBe(referenceTotp(SECRET, T0));
    h.desktop.setApplyOffset(true);
    expect(await h.ok('app.desktopStatus', {})).toMatchObject({ clock: { applied: true, offsetMs: 60_500 } });
    const [shifted] = await h.ok('codes.current', { ids: [ids.a] });
    expect(shifted!.code).toBe(referenceTotp(SECRET, T0 + 60_500));
    // The window ends when the server's period ends, expressed in this computer's time.
    const serverPeriodEnd = (Math.floor((T0 + 60_500) / 30_000) + 1) * 30_000;
    expect(shifted!.validUntil).toBe(serverPeriodEnd - 60_500);
    await h.ok('codes.copy', { id: ids.a });
    expect(await h.clipboard.readText()).toBe(referenceTotp(SECRET, T0 + 60_500));
    h.desktop.setApplyOffset(false);
    serverDate = null;
  });
});
