/** The Electron side of automatic backups: the folder dialog (folders only, on the main window) and the flush on quit. */
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { app, BrowserWindow, dialog } from './fake-electron';
import { backupFolderDialog } from '../../electron/backup-folder-dialog';
import { dialogText } from '../../electron/dialog-text';
import { flushBackupOnQuit } from '../../electron/backup-on-quit';
import type { App, BrowserWindow as ElectronWindow } from 'electron';

afterEach(() => {
  dialog.opened = [];
  dialog.openAnswer = { canceled: true, filePaths: [] };
  app.removeAllListeners('before-quit');
  app.calls.length = 0;
});

describe('backupFolderDialog', () => {
  it('asks for a folder, attached to the main window, and returns it', async () => {
    const win = new BrowserWindow();
    dialog.openAnswer = { canceled: false, filePaths: ['/media/usb/backups'] };
    const choose = backupFolderDialog(() => win as unknown as ElectronWindow);
    expect(await choose()).toBe('/media/usb/backups');
    expect(dialog.opened[0]!.parent).toBe(win);
    const options = dialog.opened[0]!.options as { properties: string[] };
    expect(options.properties).toContain('openDirectory');
    expect(options.properties).not.toContain('openFile');
  });

  it('is worded in the app language', async () => {
    await backupFolderDialog(
      () => null,
      async () => dialogText('nb', 'en-US'),
    )();
    expect(dialog.opened[0]!.options).toMatchObject({
      title: 'Mappe for automatiske sikkerhetskopier',
      buttonLabel: 'Bruk denne mappen',
    });
  });

  it('a cancelled dialog is null', async () => {
    expect(await backupFolderDialog(() => null)()).toBeNull();
    expect(dialog.opened[0]!.parent).toBeNull();
  });
});

/** Plays Electron: emits before-quit and says whether a handler held the quit back. */
function tryQuit(): boolean {
  let prevented = false;
  app.emit('before-quit', { preventDefault: () => void (prevented = true) });
  return prevented;
}

describe('flushBackupOnQuit', () => {
  it('nothing waiting: the quit is not held at all', () => {
    let flushes = 0;
    flushBackupOnQuit(app as unknown as App, { busy: () => false, flush: async () => void flushes++ });
    expect(tryQuit()).toBe(false);
    expect(flushes).toBe(0);
  });

  it('holds the quit until the waiting backup is written, then quits; a second quit passes', async () => {
    let finish!: () => void;
    let flushes = 0;
    let busy = true;
    flushBackupOnQuit(app as unknown as App, {
      busy: () => busy,
      flush: () => {
        flushes++;
        return new Promise<void>((resolve) => (finish = resolve)).then(() => void (busy = false));
      },
    });
    expect(tryQuit()).toBe(true);
    expect(tryQuit()).toBe(true); // Quit again while writing: still held, no second flush
    expect(flushes).toBe(1);
    expect(app.calls).not.toContain('quit');
    finish();
    await vi.waitFor(() => expect(app.calls).toContain('quit'));
    expect(tryQuit()).toBe(false);
  });

  it('a failing flush does not keep the app from quitting', async () => {
    flushBackupOnQuit(app as unknown as App, {
      busy: () => true,
      flush: async () => Promise.reject(new Error('full')),
    });
    expect(tryQuit()).toBe(true);
    await vi.waitFor(() => expect(app.calls).toContain('quit'));
    expect(tryQuit()).toBe(false);
  });
});
