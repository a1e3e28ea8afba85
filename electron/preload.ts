/**
 * The whole bridge: `window.authenticator`, one named function per contract
 * channel plus event subscriptions, built by the contract itself so it cannot
 * offer a channel main does not handle. No raw ipcRenderer, no generic invoke,
 * and the Electron event object never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../common/ipc/api-shape';
import type { Channel, Outcome } from '../common/ipc/contract';

const invoke = (channel: Channel, input: unknown): Promise<Outcome<unknown>> => ipcRenderer.invoke(channel, input);

const subscribe = (event: string, listener: () => void): (() => void) => {
  const relay = () => listener(); // drops the IpcRendererEvent (it carries `sender`)
  ipcRenderer.on(event, relay);
  return () => void ipcRenderer.removeListener(event, relay);
};

contextBridge.exposeInMainWorld('authenticator', buildApi(invoke, subscribe));
