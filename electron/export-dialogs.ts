/**
 * The export side's shell parts, done with Electron (the handlers get them as
 * services.exportShell): the save dialog, the open dialog for a backup to
 * verify, both attached to the main window, and content protection while
 * secret QR codes are on screen (afterwards the window follows the setting again).
 */
import { dialog, type BrowserWindow } from 'electron';
import type { ExportShell } from './handlers/export-shell';

export function exportShell(
  mainWindow: () => BrowserWindow | null,
  protectionSetting: () => Promise<boolean>,
): ExportShell {
  const live = () => {
    const win = mainWindow();
    return win && !win.isDestroyed() ? win : null;
  };
  return {
    async chooseSaveFile({ title, defaultName, filters }) {
      const win = live();
      const options: Electron.SaveDialogOptions = {
        title,
        defaultPath: defaultName,
        filters: [...filters, { name: 'All files', extensions: ['*'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    async chooseBackupFile() {
      const win = live();
      const options: Electron.OpenDialogOptions = {
        title: 'Verify a backup',
        properties: ['openFile'],
        filters: [
          { name: 'Backups and exports', extensions: ['json', 'txt', '2fas', 'aes', 'bin'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    async protectWindow(on) {
      const protect = on || (await protectionSetting());
      live()?.setContentProtection(protect);
    },
  };
}
