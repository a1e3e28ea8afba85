import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../../common/settings';
import { openSettingsStore, PORTAL_PRESETS, SETTINGS_FILE } from '../../../core/settings';

/** What get()/set() return without a policy: the stored settings, nothing managed. */
const view = (settings: object) => ({
  ...settings,
  managed: [],
  policy: {
    file: null,
    problems: [],
    forbidPlainTextExport: false,
    requireEncryptedBackups: false,
    requireAppLock: false,
  },
});

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'authdesk-settings-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings store', () => {
  it('starts from the defaults: content protection on, OS language, the Educloud portal', async () => {
    expect(await openSettingsStore(dir).get()).toEqual(
      view({
        ...DEFAULT_SETTINGS,
        contentProtection: true,
        language: null,
        portalUrl: 'https://selfservice.educloud.no/',
        updateCheck: false,
        backupFolder: null,
      }),
    );
    expect(PORTAL_PRESETS.map((p) => p.id)).toEqual(['educloud', 'other']);
    expect(PORTAL_PRESETS[0]!.url).toBe(DEFAULT_SETTINGS.portalUrl);
  });

  it('saves a change to settings.json, keeps the other fields, and tells listeners', async () => {
    const store = openSettingsStore(dir);
    const seen: unknown[] = [];
    const off = store.onChange((s) => seen.push(s));
    const next = await store.set({ contentProtection: false });
    expect(next).toEqual(view({ ...DEFAULT_SETTINGS, contentProtection: false }));
    expect(JSON.parse(readFileSync(path.join(dir, SETTINGS_FILE), 'utf8'))).toEqual({
      ...DEFAULT_SETTINGS,
      contentProtection: false,
    });
    expect(await openSettingsStore(dir).get()).toEqual(next);
    off();
    await store.set({ language: 'nb' });
    expect(seen).toEqual([next]);
  });

  it('writes atomically: no temp files left, owner-only permissions', async () => {
    const store = openSettingsStore(dir);
    await Promise.all([
      store.set({ language: 'en' }),
      store.set({ contentProtection: false }),
      store.set({ portalUrl: 'https://example.org/otp' }),
    ]);
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
    expect(await store.get()).toEqual(
      view({
        ...DEFAULT_SETTINGS,
        contentProtection: false,
        language: 'en',
        portalUrl: 'https://example.org/otp',
        updateCheck: false,
        backupFolder: null,
      }),
    );
    if (process.platform !== 'win32') expect(statSync(path.join(dir, SETTINGS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('survives a broken or hand-edited file: each bad field falls back on its own', async () => {
    const file = path.join(dir, SETTINGS_FILE);
    writeFileSync(file, '{ not json');
    expect(await openSettingsStore(dir).get()).toEqual(view(DEFAULT_SETTINGS));
    writeFileSync(
      file,
      JSON.stringify({
        contentProtection: false,
        language: 'de',
        portalUrl: 'http://insecure.example/',
        updateCheck: 'yes',
        backupFolder: 'relative/folder',
      }),
    );
    expect(await openSettingsStore(dir).get()).toEqual(
      view({ ...DEFAULT_SETTINGS, contentProtection: false, language: null, portalUrl: DEFAULT_SETTINGS.portalUrl }),
    );
  });

  it('sanitizeSettings refuses non-https portals and junk', () => {
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ portalUrl: 'javascript:alert(1)' }).portalUrl).toBe(DEFAULT_SETTINGS.portalUrl);
    expect(sanitizeSettings({ portalUrl: 'https://x.example/' + 'a'.repeat(3000) }).portalUrl).toBe(
      DEFAULT_SETTINGS.portalUrl,
    );
    expect(sanitizeSettings({ contentProtection: 'no' }).contentProtection).toBe(true);
  });
});
