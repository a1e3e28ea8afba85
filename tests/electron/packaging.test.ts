/**
 * The packaging, checked offline (installers themselves are built on each OS
 * by .github/workflows/release.yml): electron-builder's own validation, the
 * files the config names, the fuses and artifact names docs/packaging.md
 * promises, what ships inside the app, and the production dependency tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
// electron-builder's own name expansion and per-format arch names (x64 -> amd64 for .deb, x86_64 for .rpm/.AppImage).
const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as {
  expandMacro(pattern: string, arch: string | null, appInfo: object, extra: object): string;
};
const { Arch, getArtifactArchName } = require('builder-util') as {
  Arch: Record<string, number>;
  getArtifactArchName(arch: number, ext: string): string;
};
// The matcher electron-builder applies to `files` patterns.
const { minimatch } = require('minimatch') as { minimatch(file: string, pattern: string, o?: object): boolean };
const quietLogger = { isEnabled: false, add: () => undefined };

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const configPath = path.join(repoRoot, 'build/electron-builder.config.cjs');
/** The config as electron-builder would load it with the given environment. */
function loadConfig(env: Record<string, string | undefined> = {}): Config {
  const saved = {
    AUTHDESK_UNSIGNED: process.env.AUTHDESK_UNSIGNED,
    AUTHDESK_REQUIRE_SIGNING: process.env.AUTHDESK_REQUIRE_SIGNING,
  };
  delete process.env.AUTHDESK_UNSIGNED;
  delete process.env.AUTHDESK_REQUIRE_SIGNING;
  Object.assign(process.env, env);
  delete require.cache[configPath];
  try {
    return structuredClone(require(configPath) as Config);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    delete require.cache[configPath];
  }
}
const read = (rel: string) => readFileSync(path.join(repoRoot, rel), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; scripts: Record<string, string> };
const packagingDoc = read('docs/packaging.md');

/** Every artifact the config makes: one per (OS, target, arch), named the way electron-builder will. */
function artifacts(config: Config, version = pkg.version) {
  const out: { os: string; format: string; arch: string; file: string }[] = [];
  const ext: Record<string, string> = {
    nsis: 'exe',
    portable: 'exe',
    msi: 'msi',
    dmg: 'dmg',
    zip: 'zip',
    AppImage: 'AppImage',
    deb: 'deb',
    rpm: 'rpm',
  };
  for (const os of ['win', 'mac', 'linux']) {
    for (const { target, arch } of config[os].target as { target: string; arch: string[] }[]) {
      for (const a of arch) {
        const pattern = config[target]?.artifactName ?? config[os].artifactName ?? config.artifactName;
        const e = ext[target]!;
        const appInfo = { productName: config.productName, sanitizedProductName: config.productName, version };
        out.push({
          os,
          format: target,
          arch: a,
          file: expandMacro(pattern, getArtifactArchName(Arch[a]!, e), appInfo, { os, ext: e }),
        });
      }
    }
  }
  return out;
}

describe('the electron-builder configuration', () => {
  it("passes electron-builder's schema validation, signed, unsigned and tag builds alike", async () => {
    await expect(validateConfiguration(loadConfig(), quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration(loadConfig({ AUTHDESK_UNSIGNED: '1' }), quietLogger)).resolves.toBeUndefined();
    await expect(
      validateConfiguration(loadConfig({ AUTHDESK_REQUIRE_SIGNING: '1' }), quietLogger),
    ).resolves.toBeUndefined();
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

  it('refers only to files that exist, and every platform has its icon', () => {
    const config = loadConfig();
    const files = [config.win.icon, config.mac.icon, config.mac.entitlements, config.mac.entitlementsInherit];
    for (const file of files) expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
    const linuxIcons = path.join(repoRoot, config.linux.icon);
    expect(statSync(linuxIcons).isDirectory()).toBe(true);
    // electron-builder takes each PNG's size from its name (NxN.png).
    expect(readdirSync(linuxIcons).every((f) => /^\d+x\d+\.png$/.test(f))).toBe(true);
    expect(readdirSync(linuxIcons)).toEqual(expect.arrayContaining(['16x16.png', '256x256.png', '512x512.png']));
    expect(readFileSync(path.join(repoRoot, config.win.icon)).readUInt16LE(2)).toBe(1); // ICO type: icon
    expect(readFileSync(path.join(repoRoot, config.mac.icon)).subarray(0, 4).toString('latin1')).toBe('icns');
  });

  it('flips the fuses that close run-as-node, inspectors, NODE_OPTIONS and unpacked code, as the docs list them', () => {
    const fuses = loadConfig().electronFuses as Record<string, boolean>;
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const documented = Object.fromEntries(
      [...packagingDoc.matchAll(/^\| `(\w+)` +\| `(true|false)` /gm)].map((m) => [m[1], m[2] === 'true']),
    );
    expect(documented).toEqual(fuses);
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
  });

  it('ships none of the sources, tests or dev tools: of every tracked file, only package.json matches `files`', () => {
    const patterns = loadConfig().files as string[];
    const ships = (file: string) =>
      patterns.filter((p) => !p.startsWith('!')).some((p) => minimatch(file, p, { dot: true })) &&
      !patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(file, p.slice(1), { dot: true }));
    const tracked = execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.filter(ships)).toEqual(['package.json']);
    // What the build makes: the app bundles ship, the CLI bundle, test bundles and source maps do not.
    expect(ships('dist/electron/main.cjs')).toBe(true);
    expect(ships('dist/renderer/assets/index-abc.js')).toBe(true);
    for (const file of [
      'dist/cli/authdesk.cjs',
      'dist/cli/program.cjs',
      'dist/cli/quick.cjs',
      'dist/test-cli/authdesk-1/program.cjs',
      'dist/electron/main.cjs.map',
    ])
      expect(ships(file), file).toBe(false);
  });

  it('rebuilds native modules for Electron when packaging, not at npm install', () => {
    const config = loadConfig();
    expect(config.npmRebuild).toBe(true);
    expect(JSON.stringify(pkg.scripts)).not.toMatch(/postinstall|electron-rebuild|install-app-deps/);
  });

  it('builds the documented matrix: Windows NSIS + MSI + portable, macOS dmg + zip for x64 and arm64, Linux AppImage + deb + rpm', () => {
    const matrix = artifacts(loadConfig()).map(({ os, format, arch }) => `${os} ${format} ${arch}`);
    expect(matrix).toEqual([
      'win nsis x64',
      'win msi x64',
      'win portable x64',
      'mac dmg x64',
      'mac dmg arm64',
      'mac zip x64',
      'mac zip arm64',
      'linux AppImage x64',
      'linux deb x64',
      'linux rpm x64',
    ]);
  });

  it('names every artifact ${productName}-${version}-${os}-${arch}.${ext}, all different, as the docs list them', () => {
    const names = artifacts(loadConfig()).map((a) => a.file);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names)
      expect(name).toMatch(
        new RegExp(
          `^Authdesk-${pkg.version.replace(/\./g, '\\.')}-(win|mac|linux)-(x64|arm64|amd64|x86_64)(-portable)?\\.(exe|msi|dmg|zip|AppImage|deb|rpm)$`,
        ),
      );
    for (const name of artifacts(loadConfig(), '<version>').map((a) => a.file))
      expect(packagingDoc, `docs/packaging.md lists ${name}`).toContain(name);
  });

  it('marks a manual unsigned build in every artifact name, and makes a tag build fail unsigned', () => {
    for (const name of artifacts(loadConfig({ AUTHDESK_UNSIGNED: '1' })).map((a) => a.file))
      expect(name).toMatch(/-unsigned\.\w+$/);
    expect(loadConfig().forceCodeSigning).toBe(false);
    expect(loadConfig({ AUTHDESK_REQUIRE_SIGNING: '1' }).forceCodeSigning).toBe(true);
    expect(() => loadConfig({ AUTHDESK_UNSIGNED: '1', AUTHDESK_REQUIRE_SIGNING: '1' })).toThrow(/contradict/);
  });

  it('offers per-user or per-machine installs on Windows, and a per-machine MSI for managed deployment', () => {
    const { nsis, msi } = loadConfig();
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(msi).toMatchObject({ perMachine: true });
    expect(msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const switchText of ['/S', '/allusers', '/currentuser', '/qn', 'msiexec /x'])
      expect(packagingDoc).toContain(switchText);
  });

  it('gives Linux a desktop entry, a category, an icon and the libsecret dependency', () => {
    const { linux, deb, rpm } = loadConfig();
    expect(linux.category).toBe('Utility');
    expect(linux.desktop.entry).toMatchObject({ Name: 'Authdesk', Categories: 'Utility;Security;' });
    expect(deb.depends).toContain('libsecret-1-0');
    expect(rpm.depends).toContain('libsecret');
  });

  it('signs macOS builds with the hardened runtime, the camera entitlement and usage texts', () => {
    const { mac } = loadConfig();
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/i);
    expect(mac.extendInfo.NSScreenCaptureUsageDescription).toMatch(/screen/i);
    const plist = read(mac.entitlements);
    expect(plist).toContain('<key>com.apple.security.device.camera</key>');
    expect(plist).not.toContain('com.apple.security.device.audio-input');
    expect(plist).not.toContain('allow-unsigned-executable-memory');
  });

  it('is what the npm dist scripts use', () => {
    for (const name of ['dist', 'dist:linux', 'dist:win', 'dist:mac']) {
      expect(pkg.scripts[name], name).toContain('electron-builder --config build/electron-builder.config.cjs');
      expect(pkg.scripts[name], name).toMatch(/^npm run build && /);
    }
  });
});

describe('the production dependency tree', () => {
  it('holds no dev-only package (what npm ls --omit=dev sees is what electron-builder ships)', () => {
    const run = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: repoRoot, encoding: 'utf8' });
    const tree = JSON.parse(run.stdout) as { dependencies?: Record<string, unknown>; problems?: string[] };
    expect(tree.problems ?? []).toEqual([]);
    const names = new Set<string>();
    const walk = (deps: Record<string, { dependencies?: Record<string, unknown> }> | undefined) => {
      for (const [name, node] of Object.entries(deps ?? {})) {
        names.add(name);
        walk(node.dependencies as never);
      }
    };
    walk(tree.dependencies as never);
    const devOnly = Object.keys((JSON.parse(read('package.json')) as { devDependencies: object }).devDependencies);
    expect(devOnly.filter((name) => names.has(name))).toEqual([]);
    expect(names.has('keytar')).toBe(true);
    for (const tool of ['electron', 'electron-builder', 'vite', 'vitest', 'playwright-core', 'typescript', 'react'])
      expect(names.has(tool), tool).toBe(false);
  });
});
