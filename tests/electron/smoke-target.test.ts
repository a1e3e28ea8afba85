/** How the smoke suite picks its target (tests/smoke/support/target.ts), on fake app layouts in a temp folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asarBeside, smokeTarget, stockElectron } from '../smoke/support/target';

const dir = mkdtempSync(path.join(tmpdir(), 'authdesk-smoke-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const touch = (...parts: string[]) => {
  const file = path.join(dir, ...parts);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  return file;
};

describe('the smoke target', () => {
  it('finds app.asar beside a Windows/Linux binary and inside a macOS bundle', () => {
    const linux = touch('linux-unpacked', 'authdesk');
    expect(asarBeside(linux)).toBeNull();
    touch('linux-unpacked', 'resources', 'app.asar');
    expect(asarBeside(linux)).toBe(path.join(dir, 'linux-unpacked', 'resources', 'app.asar'));
    const mac = touch('mac-arm64', 'Authdesk.app', 'Contents', 'MacOS', 'Authdesk');
    touch('mac-arm64', 'Authdesk.app', 'Contents', 'Resources', 'app.asar');
    expect(asarBeside(mac)).toBe(path.join(dir, 'mac-arm64', 'Authdesk.app', 'Contents', 'Resources', 'app.asar'));
  });

  it('fails, never skips, when the packaged app it was given is missing or incomplete', () => {
    expect(() => smokeTarget({ AUTHDESK_SMOKE_APP: path.join(dir, 'nope') })).toThrow(/no such file/);
    expect(() => smokeTarget({ AUTHDESK_SMOKE_APP: touch('bare', 'Authdesk.exe') })).toThrow(/no resources\/app\.asar/);
  });

  it('runs fuse and keychain checks on the packaged binary; window checks only with the stock Electron', () => {
    const binary = path.join(dir, 'linux-unpacked', 'authdesk');
    const target = smokeTarget({ AUTHDESK_SMOKE_APP: binary });
    expect(target).toMatchObject({ kind: 'packaged', binary, appArgs: [] });
    const electron = stockElectron();
    if ('path' in electron)
      expect(target).toMatchObject({ ui: { electron: electron.path, appPath: expect.stringMatching(/app\.asar$/) } });
    else expect(target).toMatchObject({ ui: null, uiSkip: electron.missing });
    expect(smokeTarget({ AUTHDESK_SMOKE_APP: binary, AUTHDESK_SMOKE_UI: '0' })).toMatchObject({
      ui: null,
      uiSkip: expect.stringContaining('AUTHDESK_SMOKE_UI=0'),
    });
  });

  it('skips the whole suite, with the reason, when there is no Electron binary and no packaged app', () => {
    const target = smokeTarget({});
    if ('path' in stockElectron()) expect(target).toMatchObject({ kind: 'development' });
    else expect(target).toEqual({ skip: expect.stringContaining('node_modules/electron/dist is missing') });
  });
});
