/**
 * `npm run preview:web`: the built renderer in your own browser, backed by the
 * real handlers, a data folder and a keychain service of your choosing. The
 * npm script builds first; this only serves. It refuses to touch the real
 * app's keychain items: a separate service name is required.
 */
import path from 'node:path';
import { APP_ID, dataDir as appDataDir } from '../../core/paths';
import { startBridge } from './server';

const dataDir = process.env.AUTHDESK_DATA_DIR?.trim();
const keychainService = process.env.AUTHDESK_KEYCHAIN_SERVICE?.trim();
// The app's real folder, computed as if AUTHDESK_DATA_DIR were not set.
const realDataDir = appDataDir({ ...process.env, AUTHDESK_DATA_DIR: undefined });
const isRealFolder = dataDir !== undefined && dataDir !== '' && path.resolve(dataDir) === path.resolve(realDataDir);

if (!dataDir || !keychainService || keychainService === APP_ID || isRealFolder) {
  console.error(
    [
      'preview:web needs its own data folder and keychain service, so it never touches your real accounts:',
      '  AUTHDESK_DATA_DIR=/tmp/authdesk-preview AUTHDESK_KEYCHAIN_SERVICE=authdesk-preview npm run preview:web',
      keychainService === APP_ID ? `(${APP_ID} is the app's own service name: pick another one.)` : '',
      isRealFolder ? `(${realDataDir} is the app's own data folder: pick another one.)` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  process.exit(2);
}

const port = Number.parseInt(process.env.AUTHDESK_PREVIEW_PORT ?? '0', 10) || 0;
// The browser has no main-process open dialog: "Choose file…" imports the file AUTHDESK_IMPORT_FILE names.
const importFile = process.env.AUTHDESK_IMPORT_FILE?.trim();
// Nor a save dialog: exports are written into AUTHDESK_EXPORT_DIR under their suggested names;
// "Verify backup" checks the file AUTHDESK_VERIFY_FILE names. A browser tab cannot be content-protected.
const exportDir = process.env.AUTHDESK_EXPORT_DIR?.trim();
const verifyFile = process.env.AUTHDESK_VERIFY_FILE?.trim();
// Nor a folder dialog: "Choose folder…" in Backups uses the folder AUTHDESK_BACKUP_FOLDER names.
const backupFolder = process.env.AUTHDESK_BACKUP_FOLDER?.trim();
const bridge = await startBridge({
  dataDir,
  keychainService,
  port,
  chooseImportFile: async () => (importFile ? path.resolve(importFile) : null),
  exportShell: {
    chooseSaveFile: async ({ defaultName }) => (exportDir ? path.resolve(exportDir, defaultName) : null),
    chooseBackupFile: async () => (verifyFile ? path.resolve(verifyFile) : null),
    protectWindow: async () => undefined,
  },
  chooseBackupFolder: async () => (backupFolder ? path.resolve(backupFolder) : null),
});
console.log(`Authdesk web preview (data: ${dataDir}, keychain service: ${keychainService})`);
console.log(`Open: ${bridge.url}`);
console.log('Ctrl+C stops it.');

const stop = () => void bridge.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
