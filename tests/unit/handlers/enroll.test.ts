import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_TTL_MS } from '../../../electron/handlers/pending-drafts';
import { realHandlers } from './harness';

let h: Awaited<ReturnType<typeof realHandlers>>;
beforeAll(async () => void (h = await realHandlers('authdesk-enroll')));
afterAll(async () => h?.cleanUp());

const uri = (secret: string, label = 'Portal:dave', extra = '&issuer=Portal') =>
  `otpauth://totp/${label}?secret=${secret}${extra}`;

async function previewToken(text: string): Promise<string> {
  const preview = await h.ok('enroll.preview', { text });
  if (preview.kind !== 'otp') throw new Error(`expected an otp preview, got ${preview.kind}`);
  return preview.token;
}

describe('enrolling from a QR code', () => {
  it('preview → save → list: the preview shows the account without its secret, save stores the chosen names', async () => {
    const preview = await h.ok('enroll.preview', {
      text: uri('JBSWY3DPEHPK3PXP', 'Portal:dave', '&issuer=Portal&digits=8&period=60'),
    });
    expect(preview).toEqual({
      kind: 'otp',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
      account: { type: 'totp', issuer: 'Portal', name: 'dave', algorithm: 'SHA1', digits: 8, period: 60 },
      duplicateOf: null,
    });
    if (preview.kind !== 'otp') return;
    const saved = await h.ok('enroll.save', { token: preview.token, issuer: ' UiO ', name: 'dave@uio.no' });
    expect(saved).toMatchObject({ issuer: 'UiO', name: 'dave@uio.no', type: 'totp', digits: 8, period: 60 });
    expect((await h.ok('accounts.list', {})).map((a) => a.id)).toContain(saved.id);
    const codes = await h.ok('codes.current', { ids: [saved.id] });
    expect(codes).toEqual([expect.objectContaining({ id: saved.id, code: expect.stringMatching(/^\d{8}$/) })]);
  });

  it('a token works once', async () => {
    const token = await previewToken(uri('GEZDGNBVGY3TQOJQ', 'Once:a'));
    await h.ok('enroll.save', { token });
    expect(await h.call('enroll.save', { token })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('Scan the QR code again') },
    });
  });

  it('discard drops the draft (and discarding twice is harmless)', async () => {
    const token = await previewToken(uri('MFRGGZDFMZTWQ2LK', 'Discard:b'));
    await h.ok('enroll.discard', { token });
    await h.ok('enroll.discard', { token });
    expect(await h.call('enroll.save', { token })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await h.ok('accounts.list', {})).some((a) => a.issuer === 'Discard')).toBe(false);
  });

  it('a draft expires after 10 minutes', async () => {
    const token = await previewToken(uri('NNWG23TPOBYXE43U', 'Late:c'));
    h.clock.advance(PENDING_TTL_MS - 1);
    const keep = await previewToken(uri('NNWG23TPOBYXE43V', 'Late:d'));
    h.clock.advance(1);
    expect(await h.call('enroll.save', { token })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await h.ok('enroll.save', { token: keep });
  });

  it('a preview names the account it would duplicate; the refused save keeps the draft for a retry under another name', async () => {
    const existing = await h.ok('accounts.add', { uri: uri('KRUGS4ZANFZSAYJA', 'Dup:eve', '&issuer=Dup') });
    const preview = await h.ok('enroll.preview', { text: uri('KRUGS4ZANFZSAYJA', 'Dup:eve', '&issuer=Dup') });
    expect(preview).toMatchObject({ kind: 'otp', duplicateOf: existing.id });
    if (preview.kind !== 'otp') return;
    const refused = await h.call('enroll.save', { token: preview.token });
    expect(refused).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    const retried = await h.ok('enroll.save', { token: preview.token, name: 'eve (work)' });
    expect(retried).toMatchObject({ issuer: 'Dup', name: 'eve (work)' });
  });

  it('says what a QR code is when it is not an authenticator key', async () => {
    expect(await h.ok('enroll.preview', { text: 'https://www.uio.no/' })).toMatchObject({
      kind: 'not-otp',
      what: 'web-link',
      message: expect.any(String),
    });
    expect(await h.ok('enroll.preview', { text: 'WIFI:T:WPA;S:eduroam;P:secret;;' })).toMatchObject({
      kind: 'not-otp',
      what: 'wifi',
    });
    // A Google Authenticator transfer code is an import (tests/electron/handlers/import.test.ts); a broken one says so.
    expect(await h.call('enroll.preview', { text: 'otpauth-migration://offline?data=AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'damaged-file' },
    });
    expect(await h.ok('enroll.preview', { text: 'hello there' })).toMatchObject({ kind: 'not-otp', what: 'text' });
  });

  it('a broken otpauth link is a clear error, not a crash', async () => {
    const outcome = await h.call('enroll.preview', { text: 'otpauth://totp/NoSecret:x?issuer=NoSecret' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'missing-secret', message: expect.any(String) } });
  });
});

describe('adding directly', () => {
  it('accepts an otpauth link and a typed key (spaces, lower case), refuses an exact duplicate', async () => {
    const fromUri = await h.ok('accounts.add', { uri: uri('ONSWG4TFOQQG63TM', 'Direct:f', '&issuer=Direct') });
    const typed = await h.ok('accounts.add', {
      manual: { issuer: 'Typed', name: 'g', secret: 'onsw g4tf oqqg 63tm', type: 'hotp', counter: 3 },
    });
    expect(fromUri).toMatchObject({ issuer: 'Direct', name: 'f', type: 'totp' });
    expect(typed).toMatchObject({ issuer: 'Typed', name: 'g', type: 'hotp', counter: 3 });
    expect(await h.call('accounts.add', { uri: uri('ONSWG4TFOQQG63TM', 'Direct:f', '&issuer=Direct') })).toMatchObject({
      ok: false,
      error: { code: 'duplicate' },
    });
    const hotp = await h.ok('codes.nextHotp', { id: typed.id });
    expect(hotp).toMatchObject({ id: typed.id, code: expect.stringMatching(/^\d{6}$/), validUntil: null });
    expect((await h.ok('accounts.list', {})).find((a) => a.id === typed.id)).toMatchObject({ counter: 4 });
  });

  it('renames, reorders and removes', async () => {
    const list = await h.ok('accounts.list', {});
    const [first, second] = [list[0]!, list[1]!];
    expect(await h.ok('accounts.rename', { id: first.id, issuer: '  Renamed ', name: 'x' })).toMatchObject({
      issuer: 'Renamed',
      name: 'x',
    });
    await h.ok('accounts.reorder', { ids: [second.id, first.id] });
    expect((await h.ok('accounts.list', {})).slice(0, 2).map((a) => a.id)).toEqual([second.id, first.id]);
    await h.ok('accounts.remove', { id: first.id });
    expect((await h.ok('accounts.list', {})).some((a) => a.id === first.id)).toBe(false);
    expect(await h.call('accounts.remove', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('settings and app', () => {
  it('settings.set returns and persists the whole settings', async () => {
    expect(await h.ok('settings.set', { language: 'nb', portalUrl: 'https://example.org/otp' })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'nb',
      portalUrl: 'https://example.org/otp',
      updateCheck: false,
      backupFolder: null,
      managed: [],
      policy: {
        file: null,
        problems: [],
        forbidPlainTextExport: false,
        requireEncryptedBackups: false,
        requireAppLock: false,
      },
    });
    expect(await h.ok('settings.get', {})).toMatchObject({ language: 'nb' });
  });

  it('app.* reach the platform; openPortal opens only the configured https portal', async () => {
    await h.ok('app.stepAside', {});
    await h.ok('app.comeBack', {});
    await h.ok('settings.set', { portalUrl: 'https://selfservice.educloud.no/' });
    await h.ok('app.openPortal', {});
    expect(await h.call('app.openPortal', { url: 'file:///etc/passwd' } as never)).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    // A hand-edited settings file with another scheme never reaches the OS: the default portal is opened instead.
    await writeFile(path.join(h.dataDir, 'settings.json'), JSON.stringify({ portalUrl: 'file:///etc/passwd' }));
    await h.ok('app.openPortal', {});
    expect(h.platformCalls).toEqual([
      'stepAside',
      'comeBack',
      'open https://selfservice.educloud.no/',
      `open ${DEFAULT_SETTINGS.portalUrl}`,
    ]);
    expect(await h.ok('app.info', {})).toMatchObject({
      platform: 'linux',
      portalPresets: [{ id: 'educloud' }, { id: 'other' }],
    });
  });
});
