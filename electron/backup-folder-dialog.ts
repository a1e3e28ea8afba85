/** The "Choose folder" dialog of the Backups settings, done with Electron (the handlers get it as services.chooseBackupFolder). */
import { dialog, type BrowserWindow } from 'electron';

export function backupFolderDialog(mainWindow: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const win = mainWindow();
    const options: Electron.OpenDialogOptions = {
      title: 'Folder for automatic backups',
      buttonLabel: 'Use this folder',
      // createDirectory: the macOS dialog offers "New Folder" only when asked.
      properties: ['openDirectory', 'createDirectory'],
    };
    const chosen =
      win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
}
