/** The Electron side of the export channels: save and open dialogs attached to the main window, content protection. */
import { afterEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { BrowserWindow, dialog } from './fake-electron';
import { dialogText } from '../../electron/dialog-text';
import { exportShell } from '../../electron/export-dialogs';
import type { SaveRequest } from '../../electron/handlers/export-shell';
import type { BrowserWindow as ElectronWindow } from 'electron';

afterEach(() => {
  dialog.saved = [];
  dialog.opened = [];
  dialog.saveAnswer = { canceled: true, filePath: '' };
  dialog.openAnswer = { canceled: true, filePaths: [] };
});

const request: SaveRequest = {
  kind: 'encrypted',
  defaultName: 'authdesk-backup-2026-01-15.json',
  extensions: ['json'],
};

describe('exportShell', () => {
  it('the save dialog is attached to the main window, suggests the name and returns the chosen path', async () => {
    const win = new BrowserWindow();
    dialog.saveAnswer = { canceled: false, filePath: '/home/me/backup.json' };
    const shell = exportShell(
      () => win as unknown as ElectronWindow,
      async () => true,
    );
    expect(await shell.chooseSaveFile(request)).toBe('/home/me/backup.json');
    expect(dialog.saved).toHaveLength(1);
    expect(dialog.saved[0]!.parent).toBe(win);
    expect(dialog.saved[0]!.options).toMatchObject({
      title: 'Save an Authdesk backup',
      defaultPath: 'authdesk-backup-2026-01-15.json',
      filters: [
        { name: 'Authdesk backup', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('speaks the language setting, else the OS locale, read when the dialog opens', async () => {
    let language: 'en' | 'nb' | null = 'nb';
    const shell = exportShell(
      () => null,
      async () => true,
      async () => dialogText(language, 'en-US'),
    );
    await shell.chooseSaveFile({ kind: 'otpauth', defaultName: 'links.txt', extensions: ['txt'] });
    expect(dialog.saved[0]!.options).toMatchObject({
      title: 'Lagre otpauth-lenkene (ikke kryptert)',
      filters: [
        { name: 'Tekst', extensions: ['txt'] },
        { name: 'Alle filer', extensions: ['*'] },
      ],
    });
    await shell.chooseBackupFile();
    expect(dialog.opened[0]!.options).toMatchObject({ title: 'Kontroller en sikkerhetskopi' });
    language = 'en';
    await shell.chooseSaveFile(request);
    expect(dialog.saved[1]!.options).toMatchObject({ title: 'Save an Authdesk backup' });
    language = null; // no setting: the OS locale decides
    const byLocale = exportShell(
      () => null,
      async () => true,
      async () => dialogText(language, 'nn-NO'),
    );
    await byLocale.chooseSaveFile({ kind: 'sheet', defaultName: 'sheet.html', extensions: ['html'] });
    expect(dialog.saved[2]!.options).toMatchObject({ title: 'Lagre gjenopprettingsarket' });
  });

  it('a closed save dialog is null (Electron answers canceled with an empty path); without a window it still opens', async () => {
    const shell = exportShell(
      () => null,
      async () => true,
    );
    expect(await shell.chooseSaveFile(request)).toBeNull();
    expect(dialog.saved[0]!.parent).toBeNull();
    dialog.saveAnswer = { canceled: false, filePath: '' };
    expect(await shell.chooseSaveFile(request)).toBeNull();
  });

  it('the backup to verify comes from an open dialog for one file', async () => {
    const win = new BrowserWindow();
    dialog.openAnswer = { canceled: false, filePaths: ['/home/me/backup.json'] };
    const shell = exportShell(
      () => win as unknown as ElectronWindow,
      async () => true,
    );
    expect(await shell.chooseBackupFile()).toBe('/home/me/backup.json');
    expect(dialog.opened[0]).toMatchObject({ parent: win, options: { properties: ['openFile'] } });
  });

  it('protection goes on while QR codes are shown and back to the setting after', async () => {
    const win = new BrowserWindow();
    let setting = false;
    const shell = exportShell(
      () => win as unknown as ElectronWindow,
      async () => setting,
    );
    await shell.protectWindow(true);
    expect(win.contentProtection).toBe(true);
    await shell.protectWindow(false);
    expect(win.contentProtection).toBe(false);
    setting = true;
    await shell.protectWindow(false);
    expect(win.contentProtection).toBe(true); // the user's setting keeps it on
  });

  it('a destroyed window is left alone', async () => {
    const win = new BrowserWindow();
    win.destroy();
    const shell = exportShell(
      () => win as unknown as ElectronWindow,
      async () => false,
    );
    await shell.protectWindow(true);
    expect(win.contentProtection).toBeNull();
  });
});
