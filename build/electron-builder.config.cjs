/**
 * electron-builder configuration: `npm run dist` (or dist:linux / dist:win /
 * dist:mac). tests/electron/packaging.test.ts validates it offline against
 * electron-builder's own schema and checks the security-relevant parts.
 *
 * CommonJS because package.json says "type": "module" and electron-builder
 * loads its config with require().
 */

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
    ...cliOnly.map((name) => `!node_modules/${name}/**`),
  ],
  asar: true,
  // Native modules cannot be loaded from inside the asar archive.
  asarUnpack: ['**/*.node'],
  icon: 'build/icon.png',
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
    target: ['nsis', 'portable'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  // A different name, or the portable exe would overwrite the installer.
  portable: { artifactName: '${productName}-${version}-portable.${ext}' },
  mac: {
    target: ['dmg', 'zip'],
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
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  linux: {
    target: ['AppImage', 'deb', 'rpm'],
    category: 'Utility',
    synopsis: 'Two-factor authenticator that reads QR codes off your screen',
    maintainer: 'Authdesk contributors <authdesk@users.noreply.github.com>',
  },
  deb: { depends: debDepends },
  rpm: { depends: rpmDepends },
  // Releases are uploaded by .github/workflows/release.yml, not by the builder.
  publish: null,
};
