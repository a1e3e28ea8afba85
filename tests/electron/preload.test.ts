import { beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { contextBridge, ipcRenderer } from './fake-electron';
import { channels, events, type AuthenticatorApi } from '../../common/ipc/contract';

let api: AuthenticatorApi;

beforeAll(async () => {
  await import('../../electron/preload');
  api = contextBridge.exposed.get('authenticator') as AuthenticatorApi;
});

/** Every path to a function in the exposed object, e.g. "accounts.list". */
function functionPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [prefix];
  if (typeof value !== 'object' || value === null) return [`${prefix}=${String(value)}`];
  return Object.entries(value).flatMap(([key, inner]) => functionPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('the preload bridge', () => {
  it('exposes exactly one global, window.authenticator', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['authenticator']);
  });

  it('has exactly the contract shape: one function per channel plus one subscription per event', () => {
    const expected = [
      ...channels,
      ...Object.keys(events).map((e) => `events.on${e[0]!.toUpperCase()}${e.slice(1)}`),
    ].sort();
    expect(functionPaths(api).sort()).toEqual(expected);
  });

  it('offers no generic invoke, no ipcRenderer and no Node', () => {
    const text = functionPaths(api).join(' ');
    expect(text).not.toMatch(/invoke|ipcRenderer|send|require|process/);
  });

  it('calls ipcRenderer.invoke with the channel name and the input', async () => {
    ipcRenderer.invoked.length = 0;
    expect(await api.accounts.list()).toEqual({ ok: true, value: 'reply:accounts.list' });
    await api.accounts.rename({ id: 'a', issuer: 'b', name: 'c' });
    expect(ipcRenderer.invoked).toEqual([
      ['accounts.list', {}],
      ['accounts.rename', { id: 'a', issuer: 'b', name: 'c' }],
    ]);
  });

  it('relays events without the Electron event object, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.events.onAccountsChanged((...args: unknown[]) => received.push(args));
    expect(typeof unsubscribe).toBe('function');
    const electronEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
    ipcRenderer.emit(events.accountsChanged, electronEvent, 'anything main might add');
    expect(received).toEqual([[]]);
    unsubscribe();
    ipcRenderer.emit(events.accountsChanged, electronEvent);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount(events.accountsChanged)).toBe(0);
  });

  it('subscribes each event to its own channel', () => {
    let clock = 0;
    let settings = 0;
    const offClock = api.events.onClockChanged(() => clock++);
    const offSettings = api.events.onSettingsChanged(() => settings++);
    ipcRenderer.emit(events.clockChanged, {});
    expect([clock, settings]).toEqual([1, 0]);
    offClock();
    offSettings();
  });
});
