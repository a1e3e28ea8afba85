import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/vectors';

const require = createRequire(import.meta.url);
// electron-builder's own check, the one `electron-builder` runs before packaging (offline, schema only).
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(
    config: unknown,
    debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const configPath = path.join(repoRoot, 'build/electron-builder.config.cjs');
const loadConfig = (): Config => structuredClone(require(configPath) as Config);

describe('the electron-builder configuration', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(loadConfig(), quietLogger)).resolves.toBeUndefined();
  });

  it('would be caught by that validation if it were wrong (the check can fail)', async () => {
    await expect(
      validateConfiguration({ ...loadConfig(), electronFuses: { runAsNodee: false } }, quietLogger),
    ).rejects.toThrow(/configuration.electronFuses/);
    await expect(validateConfiguration({ ...loadConfig(), asar: 'yes please' }, quietLogger)).rejects.toThrow(/asar/);
  });

  it('names the app', () => {
    expect(loadConfig()).toMatchObject({ appId: 'io.authdesk.Authdesk', productName: 'Authdesk' });
  });

  it('flips the fuses that close run-as-node, inspectors, NODE_OPTIONS and unpacked code', () => {
    expect(loadConfig().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the built app in an asar, with native modules unpacked', () => {
    const config = loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    const files = config.files as string[];
    expect(files.filter((f) => !f.startsWith('!'))).toEqual([
      'dist/electron/**/*',
      'dist/renderer/**/*',
      'package.json',
    ]);
    // The CLI's image readers are not shipped in the app.
    expect(files).toEqual(expect.arrayContaining(['!node_modules/sharp/**', '!node_modules/zxing-wasm/**']));
    for (const pattern of files.filter((f) => !f.startsWith('!')))
      expect(pattern).not.toMatch(/devtools|tests|electron\/\*\*\/\*\.ts|renderer\/\*\*\/\*\.tsx|^\*\*|^dist\/cli/);
  });

  it('builds installers for each OS', () => {
    const config = loadConfig();
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.deb.depends).toContain('libsecret-1-0');
    expect(config.rpm.depends).toContain('libsecret');
  });

  it('signs macOS builds with the hardened runtime, the camera entitlement and usage texts', () => {
    const { mac } = loadConfig();
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/i);
    expect(mac.extendInfo.NSScreenCaptureUsageDescription).toMatch(/screen/i);
    const plist = readFileSync(path.join(repoRoot, mac.entitlements), 'utf8');
    expect(plist).toContain('<key>com.apple.security.device.camera</key>');
    expect(plist).not.toContain('com.apple.security.device.audio-input');
    expect(plist).not.toContain('allow-unsigned-executable-memory');
  });

  it('has an icon large enough for every platform (512 px or more, square PNG)', () => {
    const png = readFileSync(path.join(repoRoot, loadConfig().icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('is what the npm dist scripts and the release workflow use', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ['dist', 'dist:linux', 'dist:win', 'dist:mac']) {
      expect(scripts[name], name).toContain('electron-builder --config build/electron-builder.config.cjs');
      expect(scripts[name], name).toMatch(/^npm run build && /);
    }
    const workflow = path.join(repoRoot, '.github/workflows/release.yml');
    expect(existsSync(workflow)).toBe(true);
    const text = readFileSync(workflow, 'utf8');
    for (const os of ['ubuntu-latest', 'windows-latest', 'macos-latest']) expect(text).toContain(os);
    expect(text).toContain('--config build/electron-builder.config.cjs');
  });
});
