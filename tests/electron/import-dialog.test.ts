/** The Electron side of transfer.importFile: the open dialog, attached to the main window, one file. */
import { afterEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { BrowserWindow, dialog } from './fake-electron';
import { dialogText } from '../../electron/dialog-text';
import { importFileDialog } from '../../electron/import-dialog';
import type { BrowserWindow as ElectronWindow } from 'electron';

afterEach(() => {
  dialog.opened = [];
  dialog.openAnswer = { canceled: true, filePaths: [] };
});

describe('importFileDialog', () => {
  it('opens one file, attached to the main window, and returns its path', async () => {
    const win = new BrowserWindow();
    dialog.openAnswer = { canceled: false, filePaths: ['/home/me/aegis-export.json'] };
    const choose = importFileDialog(() => win as unknown as ElectronWindow);
    expect(await choose()).toBe('/home/me/aegis-export.json');
    expect(dialog.opened).toHaveLength(1);
    expect(dialog.opened[0]!.parent).toBe(win);
    expect(dialog.opened[0]!.options).toMatchObject({ properties: ['openFile'] });
  });

  it('is worded in the app language', async () => {
    await importFileDialog(
      () => null,
      async () => dialogText('nb', 'en-US'),
    )();
    expect(dialog.opened[0]!.options).toMatchObject({
      title: 'Importer kontoer',
      filters: [{ name: 'Eksporter fra autentiseringsapper' }, { name: 'Alle filer', extensions: ['*'] }],
    });
  });

  it('a closed dialog is null; without a window the dialog still opens', async () => {
    const choose = importFileDialog(() => null);
    expect(await choose()).toBeNull();
    expect(dialog.opened[0]!.parent).toBeNull();
  });
});
