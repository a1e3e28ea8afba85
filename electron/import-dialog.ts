/** The "Import from another app" open dialog, done with Electron (the handlers get it as services.chooseImportFile). */
import { dialog, type BrowserWindow } from 'electron';

export function importFileDialog(mainWindow: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const win = mainWindow();
    const options: Electron.OpenDialogOptions = {
      title: 'Import accounts',
      properties: ['openFile'],
      filters: [
        { name: 'Authenticator exports', extensions: ['json', '2fas', 'txt', 'csv', 'aes', 'bin', 'authpro', 'xml'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const chosen =
      win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
}
