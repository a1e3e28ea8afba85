/** A packaged main.ts started with --remote-debugging-port: refused with one line, exit 1, no window, no IPC. */
import { afterAll, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { app, BrowserWindow, ipcMain } from './fake-electron';

afterAll(() => vi.restoreAllMocks());

it('refuses and exits before anything starts', async () => {
  app.isPackaged = true;
  app.switches.add('remote-debugging-port');
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((text: unknown) => void errors.push(String(text)));
  await import('../../electron/main');
  expect(errors).toContain(
    'authdesk: --remote-debugging-port is not allowed in release builds (it would expose the app to a debugger).',
  );
  expect(app.calls).toEqual(['exit:1']);
  expect(app.switches.has('remote-debugging-port')).toBe(false);
  app.becomeReady();
  await Promise.resolve();
  expect(BrowserWindow.all).toHaveLength(0);
  expect(ipcMain.handlers.size).toBe(0);
});
