/** The "Choose folder" dialog of the Backups settings, done with Electron (the handlers get it as services.chooseBackupFolder). */
import { dialog, type BrowserWindow } from 'electron';
import { englishDialogText, type DialogTextSource } from './dialog-text';

export function backupFolderDialog(
  mainWindow: () => BrowserWindow | null,
  text: DialogTextSource = englishDialogText,
): () => Promise<string | null> {
  return async () => {
    const win = mainWindow();
    const words = await text();
    const options: Electron.OpenDialogOptions = {
      title: words.backupFolderTitle,
      buttonLabel: words.backupFolderButton,
      // createDirectory: the macOS dialog offers "New Folder" only when asked.
      properties: ['openDirectory', 'createDirectory'],
    };
    const chosen =
      win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
}
