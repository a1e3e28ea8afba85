import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { BrowserWindow, FakeFrame, FakeWebContents, ipcMain } from './fake-electron';
import { AuthdeskError } from '../../common/errors';
import type { Handlers } from '../../electron/handlers';
import { channels, events, type Channel, type Outcome } from '../../common/ipc/contract';
import { broadcast, registerIpc } from '../../electron/ipc/registry';
import { badInputsFor, validInputs } from './channel-samples';

/** Handlers that record their calls and answer with the channel name. */
function recordingHandlers() {
  const calls: [Channel, unknown][] = [];
  const handlers = Object.fromEntries(
    channels.map((c) => [
      c,
      async (input: unknown) => {
        calls.push([c, input]);
        return `result of ${c}`;
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

let win: BrowserWindow;
let calls: [Channel, unknown][];
const logged: string[] = [];
let unregister: () => void;

beforeEach(async () => {
  unregister?.();
  logged.length = 0;
  win = new BrowserWindow();
  await win.loadURL('app://authdesk/index.html');
  const recorded = recordingHandlers();
  calls = recorded.calls;
  unregister = registerIpc({ handlers: recorded.handlers, windows: () => [win as never], log: (m) => logged.push(m) });
});

/** Plays Electron: an invoke from `sender` with `senderFrame`. */
function invoke(
  channel: string,
  input: unknown,
  from: { sender?: FakeWebContents; senderFrame?: FakeFrame | null } = {},
): Promise<Outcome<unknown>> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = {
    sender: from.sender ?? win.webContents,
    senderFrame: from.senderFrame === undefined ? win.webContents.mainFrame : from.senderFrame,
  };
  return Promise.resolve(handler(event, input));
}

describe('the IPC registry', () => {
  it('binds every contract channel, and only those', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it.each(channels)('%s: our window gets through with a valid input', async (channel) => {
    expect(await invoke(channel, validInputs[channel])).toEqual({ ok: true, value: `result of ${channel}` });
    expect(calls).toHaveLength(1);
  });

  describe('refuses a sender that is not our own page', () => {
    const foreign: [string, () => { sender?: FakeWebContents; senderFrame?: FakeFrame | null }][] = [
      [
        'a file:// page',
        () => ({ senderFrame: new FakeFrame('file:///home/me/evil.html', null, win.webContents.mainFrame) }),
      ],
      [
        'an https:// page',
        () => ({ senderFrame: new FakeFrame('https://evil.example/', null, win.webContents.mainFrame) }),
      ],
      [
        'a look-alike host',
        () => ({ senderFrame: new FakeFrame('app://authdesk.evil/index.html', null, win.webContents.mainFrame) }),
      ],
      [
        'a subframe of our page',
        () => ({ senderFrame: new FakeFrame('app://authdesk/index.html', win.webContents.mainFrame as FakeFrame) }),
      ],
      ['a frame that navigated away or was destroyed', () => ({ senderFrame: null })],
      [
        'another web contents showing our URL',
        () => {
          const other = new FakeWebContents();
          other.mainFrame = new FakeFrame('app://authdesk/index.html');
          return { sender: other, senderFrame: other.mainFrame };
        },
      ],
      [
        'a different top frame in our web contents',
        () => ({ senderFrame: new FakeFrame('app://authdesk/index.html', null, { processId: 99 }) }),
      ],
    ];
    it.each(foreign)('%s', async (_name, from) => {
      for (const channel of channels) {
        const outcome = await invoke(channel, validInputs[channel], from());
        expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(calls).toEqual([]);
      expect(logged).toHaveLength(channels.length);
    });

    it('a destroyed window', async () => {
      win.destroyed = true;
      expect(await invoke('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });

  describe.each(channels)('%s refuses bad input before the handler runs', (channel) => {
    it.each(badInputsFor(channel).map((b) => [b.why, b] as const))('%s', async (_why, bad) => {
      const outcome = await invoke(channel, bad.input);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.code).toBe('bad-input');
      if (bad.field) expect(outcome.error.message).toContain(`"${bad.field}`);
      expect(outcome.error.message).not.toMatch(/\n\s+at /);
      expect(calls).toEqual([]);
    });
  });

  it('names the field and the limit in plain words', async () => {
    const rename = await invoke('accounts.rename', { id: 'a', issuer: 'x'.repeat(201), name: 'n' });
    expect(rename).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'The field "issuer" is too long (at most 200 characters).' },
    });
    const link = await invoke('settings.set', { portalUrl: 'http://example.com/' });
    expect(link).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const portal = await invoke('app.openPortal', { url: 'https://example.com/' });
    expect(portal).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'The request has an unknown field "url".' },
    });
    const manual = await invoke('accounts.add', {
      manual: { issuer: 'A', name: 'b', secret: 'JBSWY3DP', digits: 'six' },
    });
    expect(manual).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'The field "manual.digits" must be a number.' },
    });
    const missing = await invoke('accounts.remove', {});
    expect(missing).toEqual({ ok: false, error: { code: 'bad-input', message: 'The field "id" is missing.' } });
  });

  it('never echoes the value it refused (it may be a pasted secret)', async () => {
    const outcome = await invoke('enroll.preview', { text: 'JBSWY3DPEHPK3PXP', extra: 'JBSWY3DPEHPK3PXP' });
    expect(JSON.stringify(outcome)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('refuses an unknown channel name without crashing', async () => {
    const { invokeChannel } = await import('../../electron/handlers');
    expect(await invokeChannel(recordingHandlers().handlers, 'shell.exec', {})).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(await invokeChannel(recordingHandlers().handlers, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
  });

  it('turns thrown errors into values: AuthdeskError keeps its words, anything else hides its stack', async () => {
    const { invokeChannel } = await import('../../electron/handlers');
    const { handlers } = recordingHandlers();
    handlers['accounts.remove'] = async () => {
      throw new AuthdeskError('not-found', 'That account is no longer in Authdesk.');
    };
    handlers['accounts.list'] = async () => {
      throw new TypeError('Cannot read properties of undefined (reading secret) at /home/me/app.js:1:1');
    };
    const internal: unknown[] = [];
    expect(await invokeChannel(handlers, 'accounts.remove', { id: 'x' }, () => undefined)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That account is no longer in Authdesk.' },
    });
    const outcome = await invokeChannel(handlers, 'accounts.list', {}, (_c, err) => internal.push(err));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Authdesk. Nothing was changed.' },
    });
    expect(internal).toHaveLength(1);
  });

  it('removes its handlers when asked', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    unregister = () => undefined;
  });
});

describe('broadcast', () => {
  it('sends the event channel to every live window, without payload', () => {
    const a = new BrowserWindow();
    const b = new BrowserWindow();
    const gone = new BrowserWindow();
    gone.destroyed = true;
    broadcast('accountsChanged', [a, b, gone] as never);
    broadcast('clockChanged', [a] as never);
    expect(a.webContents.sent).toEqual([events.accountsChanged, events.clockChanged]);
    expect(b.webContents.sent).toEqual([events.accountsChanged]);
    expect(gone.webContents.sent).toEqual([]);
  });
});
