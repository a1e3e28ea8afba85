/** The "Import from another app" open dialog, done with Electron (the handlers get it as services.chooseImportFile). */
import { dialog, type BrowserWindow } from 'electron';
import { englishDialogText, type DialogTextSource } from './dialog-text';

export function importFileDialog(
  mainWindow: () => BrowserWindow | null,
  text: DialogTextSource = englishDialogText,
): () => Promise<string | null> {
  return async () => {
    const win = mainWindow();
    const words = await text();
    const options: Electron.OpenDialogOptions = {
      title: words.importTitle,
      properties: ['openFile'],
      filters: [
        { name: words.importFilter, extensions: ['json', '2fas', 'txt', 'csv', 'aes', 'bin', 'authpro', 'xml'] },
        { name: words.allFiles, extensions: ['*'] },
      ],
    };
    const chosen =
      win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
}
