/**
 * A packaged app started with a remote-debugging switch exits at once,
 * before any window, IPC handler or vault exists (its own file: main.ts runs
 * once per process).
 */
import { afterAll, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { app, BrowserWindow, ipcMain } from './fake-electron';

const argv = [...process.argv];
afterAll(() => {
  process.argv = argv;
  app.isPackaged = false;
});

it('refuses --remote-debugging-port in a packaged app', async () => {
  app.isPackaged = true;
  process.argv = [...argv, '--remote-debugging-port=9222'];
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../electron/main');
  app.becomeReady();
  await Promise.resolve();
  expect(app.calls).toContain('exit:1');
  expect(errors.mock.calls.join(' ')).toContain('--remote-debugging-port');
  expect(BrowserWindow.all).toHaveLength(0);
  expect(ipcMain.handlers.size).toBe(0);
});
