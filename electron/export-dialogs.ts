/**
 * The export side's shell parts, done with Electron (the handlers get them as
 * services.exportShell): the save dialog, the open dialog for a backup to
 * verify, both attached to the main window, and content protection while
 * secret QR codes are on screen (afterwards the window follows the setting again).
 */
import { dialog, type BrowserWindow } from 'electron';
import { englishDialogText, type DialogTextSource } from './dialog-text';
import type { ExportShell } from './handlers/export-shell';

export function exportShell(
  mainWindow: () => BrowserWindow | null,
  protectionSetting: () => Promise<boolean>,
  text: DialogTextSource = englishDialogText,
): ExportShell {
  const live = () => {
    const win = mainWindow();
    return win && !win.isDestroyed() ? win : null;
  };
  return {
    async chooseSaveFile({ kind, defaultName, extensions }) {
      const win = live();
      const words = await text();
      const options: Electron.SaveDialogOptions = {
        title: words.save[kind].title,
        defaultPath: defaultName,
        filters: [
          { name: words.save[kind].filter, extensions },
          { name: words.allFiles, extensions: ['*'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    async chooseBackupFile() {
      const win = live();
      const words = await text();
      const options: Electron.OpenDialogOptions = {
        title: words.verifyTitle,
        properties: ['openFile'],
        filters: [
          { name: words.verifyFilter, extensions: ['json', 'txt', '2fas', 'aes', 'bin'] },
          { name: words.allFiles, extensions: ['*'] },
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
