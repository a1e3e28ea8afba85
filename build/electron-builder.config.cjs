/**
 * electron-builder configuration: `npm run dist` (or dist:linux / dist:win /
 * dist:mac). tests/electron/packaging.test.ts validates it offline against
 * electron-builder's own schema and checks what docs/packaging.md promises:
 * targets, artifact names, fuses, icons, the files that ship.
 *
 * CommonJS because package.json says "type": "module" and electron-builder
 * loads its config with require().
 *
 * Two environment switches, set by .github/workflows/release.yml:
 *   AUTHDESK_REQUIRE_SIGNING=1  tag builds: fail instead of producing an unsigned installer
 *   AUTHDESK_UNSIGNED=1         manual test builds: every artifact is named "-unsigned"
 */

const unsigned = process.env.AUTHDESK_UNSIGNED === '1';
const requireSigning = process.env.AUTHDESK_REQUIRE_SIGNING === '1';
if (unsigned && requireSigning)
  throw new Error('AUTHDESK_UNSIGNED and AUTHDESK_REQUIRE_SIGNING contradict each other.');

/** Every artifact: Authdesk-0.2.0-win-x64.msi, Authdesk-0.2.0-mac-arm64.dmg, ... (see docs/packaging.md). */
const suffix = unsigned ? '-unsigned' : '';
const artifactName = `\${productName}-\${version}-\${os}-\${arch}${suffix}.\${ext}`;

/** Debian/Ubuntu: electron-builder's defaults, with libsecret spelt out (keytar talks to the Secret Service through it). */
const debDepends = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
];
/** Fedora/openSUSE: the same, in rpm names. */
const rpmDepends = [
  'gtk3',
  'libnotify',
  'nss',
  'libXScrnSaver',
  '(libXtst or libXtst6)',
  'xdg-utils',
  'at-spi2-core',
  '(libuuid or libuuid1)',
  'libsecret',
];

/** Needed by the CLI only (see `files`). */
const cliOnly = ['sharp', '@img', 'zxing-wasm', 'jsqr'];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'io.authdesk.Authdesk',
  productName: 'Authdesk',
  copyright: 'Copyright © Authdesk contributors',
  directories: { output: 'release', buildResources: 'build' },
  artifactName,
  // Only the built app: main + preload bundles and the renderer bundle. No
  // sources, tests, devtools/ (the web bridge) or the CLI bundle. Production
  // dependencies (keytar, @otplib/*, zod) come from node_modules as usual.
  // sharp, zxing-wasm and jsqr are production dependencies for the CLI (it
  // reads image files in Node); the app decodes in its renderer bundle, so
  // they stay out of the installer.
  files: [
    'dist/electron/**/*',
    'dist/renderer/**/*',
    'package.json',
    '!dist/**/*.map',
    ...cliOnly.map((name) => `!node_modules/${name}/**`),
  ],
  asar: true,
  // Native modules cannot be loaded from inside the asar archive.
  asarUnpack: ['**/*.node'],
  // Native modules (keytar) are rebuilt for Electron's ABI here, at packaging
  // time, by @electron/rebuild, for each target arch. Never in postinstall:
  // that needs Electron's headers from the internet and fails offline.
  npmRebuild: true,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // A tag build must be signed; see the header.
  forceCodeSigning: requireSigning,
  // Flipped in the binary before signing; see docs/security.md ("fuses").
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // We serve the UI from app://, never file://, so file pages need no extra powers.
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icons/icon.ico',
  },
  // The interactive installer: asks "only for me" (no admin rights, into
  // %LOCALAPPDATA%\Programs) or "for all users" (elevates, into Program Files).
  // Silent: /S, plus /allusers or /currentuser, and /D=folder (docs/packaging.md).
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createStartMenuShortcut: true,
    createDesktopShortcut: false,
    runAfterFinish: false,
    deleteAppDataOnUninstall: false,
  },
  // For managed deployment (Intune, SCCM, GPO): always per-machine, no UI needed
  // (msiexec /i ... /qn). The upgrade code is fixed forever: it is how Windows
  // knows a newer MSI replaces an older one.
  msi: {
    oneClick: false,
    perMachine: true,
    upgradeCode: '6f1c2e0a-3b7d-4f5e-9a41-2d8c7b1e5f30',
    createStartMenuShortcut: true,
    createDesktopShortcut: false,
    runAfterFinish: false,
  },
  // A different name, or the portable exe would overwrite the NSIS installer.
  portable: { artifactName: `\${productName}-\${version}-\${os}-\${arch}-portable${suffix}.\${ext}` },
  mac: {
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    icon: 'build/icons/icon.icns',
    category: 'public.app-category.utilities',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    darkModeSupport: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    extendInfo: {
      NSCameraUsageDescription: 'Authdesk uses the camera only when you ask it to read a QR code held up to it.',
      // Shown by macOS when Authdesk first reads a QR code off the screen.
      NSScreenCaptureUsageDescription:
        'Authdesk reads the QR code of a two-factor set-up page off your screen when you ask it to scan.',
    },
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
      { target: 'rpm', arch: ['x64'] },
    ],
    icon: 'build/icons/png',
    category: 'Utility',
    synopsis: 'Two-factor authenticator that reads QR codes off your screen',
    description:
      'Authdesk shows two-factor sign-in codes (TOTP/HOTP), reads set-up QR codes straight off the screen, and keeps secrets in the OS keychain.',
    maintainer: 'Authdesk contributors <authdesk@users.noreply.github.com>',
    vendor: 'Authdesk contributors',
    executableName: 'authdesk',
    desktop: {
      entry: {
        Name: 'Authdesk',
        GenericName: 'Two-factor authenticator',
        Comment: 'Two-factor sign-in codes, set up by reading the QR code off your screen',
        Categories: 'Utility;Security;',
        Keywords: '2FA;TOTP;OTP;authenticator;two-factor;MFA;tofaktor;',
        StartupWMClass: 'Authdesk',
      },
    },
  },
  deb: { depends: debDepends },
  rpm: { depends: rpmDepends },
  // Releases are uploaded by .github/workflows/release.yml, not by the builder.
  publish: null,
};
