/**
 * The admin policy file, read from real files in a temp folder: valid,
 * malformed, unknown keys, and each rule; then how it locks settings and
 * forbids actions. The loader must never throw and must name the file.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthdeskError } from '../../../common/errors';
import { effectivePolicy, loadPolicy, policyFile } from '../../../core/policy';
import { assertPolicyAllows, policyForbids } from '../../../core/policy-rules';
import { openSettingsStore } from '../../../core/settings';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'authdesk-policy-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (content: string | object, name = 'policy.json'): string => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const FULL = {
  $schema: 'https://example.org/policy.schema.json',
  portalUrl: 'https://idp.example.org/otp',
  language: 'nb',
  backupFolder: '/srv/backups/authdesk',
  forbidPlainTextExport: true,
  requireEncryptedBackups: true,
  requireAppLock: true,
  disableUpdateCheck: true,
};

describe('where the policy file is', () => {
  it('is a machine-wide path per OS', () => {
    expect(policyFile({}, 'linux')).toBe('/etc/authdesk/policy.json');
    expect(policyFile({}, 'darwin')).toBe('/Library/Application Support/Authdesk/policy.json');
    expect(policyFile({ ProgramData: 'D:\\PD' }, 'win32')).toBe('D:\\PD\\Authdesk\\policy.json');
    expect(policyFile({}, 'win32')).toBe('C:\\ProgramData\\Authdesk\\policy.json');
  });

  it('follows AUTHDESK_POLICY_FILE only where overrides are allowed', () => {
    const env = { AUTHDESK_POLICY_FILE: path.join(dir, 'p.json') };
    expect(policyFile(env, 'linux')).toBe(path.join(dir, 'p.json'));
    expect(policyFile(env, 'linux', false)).toBe('/etc/authdesk/policy.json');
  });
});

describe('loading the policy file', () => {
  it('reads every rule of a valid file (the $schema key is allowed and dropped)', () => {
    const loaded = loadPolicy(write(FULL));
    expect(loaded.problems).toEqual([]);
    expect(loaded.found).toBe(true);
    const { $schema: _ignored, ...rules } = FULL;
    expect(loaded.policy).toEqual(rules);
  });

  it('treats a missing file as "nothing is managed", without a problem', () => {
    const loaded = loadPolicy(path.join(dir, 'absent.json'));
    expect(loaded).toEqual({ file: path.join(dir, 'absent.json'), found: false, policy: {}, problems: [] });
    // A path through a file (ENOTDIR) is missing too.
    const below = path.join(write({}, 'plain.json'), 'policy.json');
    expect(loadPolicy(below)).toEqual({ file: below, found: false, policy: {}, problems: [] });
  });

  it('reports a file that is not JSON, naming the file, and applies no rule', () => {
    const file = write('{ "requireAppLock": true,');
    const loaded = loadPolicy(file);
    expect(loaded.policy).toEqual({});
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toContain(file);
    expect(loaded.problems[0]).toMatch(/not valid JSON/);
  });

  it('reports JSON that is not an object', () => {
    for (const text of ['[]', 'null', '"strict"', '42']) {
      const loaded = loadPolicy(write(text));
      expect(loaded.policy, text).toEqual({});
      expect(loaded.problems[0], text).toMatch(/must hold one JSON object/);
    }
  });

  it('accepts a file saved with a byte-order mark (Notepad)', () => {
    expect(loadPolicy(write(`\uFEFF${JSON.stringify({ requireAppLock: true })}`)).policy).toEqual({
      requireAppLock: true,
    });
  });

  it('reports a file it cannot read, instead of throwing', () => {
    const folder = path.join(dir, 'is-a-folder.json');
    mkdirSync(folder);
    const loaded = loadPolicy(folder);
    expect(loaded).toMatchObject({ found: true, policy: {} });
    expect(loaded.problems[0]).toMatch(
      new RegExp(`${folder.replace(/[\\/.]/g, '\\$&')} could not be read \\(EISDIR\\)`),
    );
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const locked = write({ requireAppLock: true }, 'locked.json');
      chmodSync(locked, 0o000);
      expect(loadPolicy(locked).problems[0]).toMatch(/could not be read \(EACCES\)/);
    }
  });

  it('ignores an unknown key with a problem, and keeps the valid rules beside it (a typo must not drop them)', () => {
    const loaded = loadPolicy(write({ forbidPlaintextExport: true, requireAppLock: true }));
    expect(loaded.policy).toEqual({ requireAppLock: true });
    expect(loaded.problems).toEqual([expect.stringMatching(/unknown setting "forbidPlaintextExport" was ignored/)]);
    expect(loaded.problems[0]).toMatch(/known: portalUrl, language, backupFolder, forbidPlainTextExport/);
  });

  it.each([
    ['portalUrl', 'http://idp.example.org/', /"portalUrl" must be an https:\/\/ address/],
    ['portalUrl', 'not a url', /"portalUrl" must be an https:\/\/ address/],
    ['language', 'de', /"language" must be "en" or "nb" \(got "de"\)/],
    ['backupFolder', 42, /"backupFolder" must be a folder path/],
    ['backupFolder', 'relative/backups', /"backupFolder" must be an absolute path/],
    ['forbidPlainTextExport', 'yes', /"forbidPlainTextExport" must be true or false \(got "yes"\)/],
    ['requireEncryptedBackups', 1, /"requireEncryptedBackups" must be true or false/],
    ['requireAppLock', null, /"requireAppLock" must be true or false \(got null\)/],
    ['disableUpdateCheck', 'true', /"disableUpdateCheck" must be true or false/],
  ])('rejects a bad %s (%j) on its own, naming the file', (key, value, message) => {
    const file = write({ [key]: value, requireAppLock: key === 'requireAppLock' ? value : true });
    const loaded = loadPolicy(file);
    expect(loaded.problems).toEqual([expect.stringMatching(message)]);
    expect(loaded.problems[0]).toContain(file);
    expect(loaded.policy).not.toHaveProperty(key);
  });

  it('fills in defaults for what the file leaves out', () => {
    expect(effectivePolicy(loadPolicy(write({ requireAppLock: true })).policy)).toEqual({
      portalUrl: null,
      language: null,
      backupFolder: null,
      forbidPlainTextExport: false,
      requireEncryptedBackups: false,
      requireAppLock: true,
      disableUpdateCheck: false,
    });
  });
});

describe('settings under a policy', () => {
  const data = () => path.join(dir, 'data');

  it('presets portal, language and backup folder, lists them as managed, and reports the rules', async () => {
    const loaded = loadPolicy(write(FULL));
    const settings = await openSettingsStore(data(), loaded).get();
    expect(settings).toMatchObject({
      portalUrl: 'https://idp.example.org/otp',
      language: 'nb',
      backupFolder: '/srv/backups/authdesk',
      updateCheck: false,
      contentProtection: true,
    });
    expect(settings.managed.sort()).toEqual(['backupFolder', 'language', 'portalUrl', 'updateCheck']);
    expect(settings.policy).toEqual({
      file: loaded.file,
      problems: [],
      forbidPlainTextExport: true,
      requireEncryptedBackups: true,
      requireAppLock: true,
    });
  });

  it.each([
    ['The language', { language: 'en' }, { language: 'nb' }],
    [
      'The self-service portal',
      { portalUrl: 'https://other.example.org/' },
      { portalUrl: 'https://idp.example.org/otp' },
    ],
    ['The backup folder', { backupFolder: '/home/me/backups' }, { backupFolder: '/srv/backups/authdesk' }],
    ['Checking for new versions', { updateCheck: true }, { disableUpdateCheck: true }],
  ] as const)(
    'refuses to change a managed setting (%s), with managed-by-policy naming the file',
    async (name, patch, rule) => {
      const file = write(rule);
      const store = openSettingsStore(data(), loadPolicy(file));
      const error = await store.set(patch).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthdeskError);
      expect(error).toMatchObject({ code: 'managed-by-policy' });
      expect((error as Error).message).toBe(
        `${name} is set by your organisation's policy (${file}) and cannot be changed here.`,
      );
    },
  );

  it('still changes what the policy leaves alone, and accepts the managed value sent back unchanged', async () => {
    const store = openSettingsStore(data(), loadPolicy(write({ language: 'nb' })));
    expect(await store.set({ contentProtection: false, language: 'nb' })).toMatchObject({
      contentProtection: false,
      language: 'nb',
      managed: ['language'],
    });
  });

  it("keeps the user's own choice underneath, so it returns when the policy is lifted", async () => {
    await openSettingsStore(data()).set({ language: 'en', updateCheck: true });
    const managed = openSettingsStore(data(), loadPolicy(write({ language: 'nb', disableUpdateCheck: true })));
    expect(await managed.get()).toMatchObject({ language: 'nb', updateCheck: false });
    expect(await openSettingsStore(data()).get()).toMatchObject({ language: 'en', updateCheck: true, managed: [] });
  });

  it('refuses a relative backup folder from the user instead of dropping it', async () => {
    const store = openSettingsStore(data());
    await expect(store.set({ backupFolder: 'backups' })).rejects.toMatchObject({ code: 'bad-input' });
    expect(await store.set({ backupFolder: '/home/me/backups' })).toMatchObject({ backupFolder: '/home/me/backups' });
  });

  it('does not manage the update check when the policy only says disableUpdateCheck: false', async () => {
    const store = openSettingsStore(data(), loadPolicy(write({ disableUpdateCheck: false })));
    expect(await store.set({ updateCheck: true })).toMatchObject({ updateCheck: true, managed: [] });
  });

  it('passes the problems of a broken file on to the app', async () => {
    const file = write('{ broken');
    expect((await openSettingsStore(data(), loadPolicy(file)).get()).policy).toMatchObject({
      file,
      problems: [expect.stringContaining(file)],
      requireAppLock: false,
    });
  });
});

describe('actions a policy forbids', () => {
  it.each([
    ['plain-text-export', { forbidPlainTextExport: true }, /forbids exporting secrets without encryption/],
    ['unencrypted-backup', { requireEncryptedBackups: true }, /forbids backups without a password/],
    ['update-check', { disableUpdateCheck: true }, /forbids checking for a newer version/],
  ] as const)('refuses %s with the rule and the file', (action, rule, message) => {
    const file = write(rule);
    const loaded = loadPolicy(file);
    expect(policyForbids(loaded, action)).toMatch(message);
    expect(() => assertPolicyAllows(loaded, action)).toThrow(expect.objectContaining({ code: 'managed-by-policy' }));
    expect(policyForbids(loaded, action)).toContain(`in ${file}`);
    // Without the rule, allowed.
    expect(policyForbids(loadPolicy(write({})), action)).toBeNull();
  });
});
