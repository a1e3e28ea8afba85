import { describe, expect, it } from 'vitest';
import { buildApi, channels, contract } from '../../common/ipc/contract';

describe('the IPC contract', () => {
  it('names every channel group.action', () => {
    for (const name of channels) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('builds one named function per channel and one subscription per event', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(
      async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: null };
      },
      () => () => {},
    );
    await api.accounts.list();
    await api.accounts.rename({ id: 'a', issuer: 'b', name: 'c' });
    expect(calls).toEqual([
      ['accounts.list', {}],
      ['accounts.rename', { id: 'a', issuer: 'b', name: 'c' }],
    ]);
    expect(typeof api.events.onAccountsChanged).toBe('function');
    expect(Object.keys(api).sort()).toEqual([...new Set(channels.map((c) => c.split('.')[0]!)), 'events'].sort());
  });

  it('refuses unknown keys and wrong types at the schema', () => {
    expect(contract['accounts.remove'].input.safeParse({ id: 'x', extra: 1 }).success).toBe(false);
    expect(contract['accounts.rename'].input.safeParse({ id: 'x', issuer: 1, name: 'n' }).success).toBe(false);
    // The renderer cannot name a URL to open: app.openPortal takes nothing.
    expect(contract['app.openPortal'].input.safeParse({ url: 'https://example.com' }).success).toBe(false);
    expect(contract['app.openPortal'].input.safeParse({}).success).toBe(true);
  });
});

describe('the zod-free API shape', () => {
  it('lists exactly the contract channels', async () => {
    const { channelNames } = await import('../../common/ipc/api-shape');
    expect([...channelNames].sort()).toEqual([...channels].sort());
  });
});
