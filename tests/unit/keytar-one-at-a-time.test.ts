/**
 * libsecret used from several threads at once can abort the process
 * (atom/node-keytar#283), so the keytar store never has two calls in flight.
 * The keytar stand-in here only counts overlapping calls; the stores'
 * behaviour against the real keychain is tested in tests/integration.
 */
import { expect, it } from 'vitest';
import { createKeytarStore, type KeytarApi } from '../../core/vault/keytar-store';

it('runs keychain calls one at a time, across stores, even when one fails', async () => {
  let inFlight = 0;
  let most = 0;
  const slow =
    <T>(value: T, fail = false) =>
    async (): Promise<T> => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      if (fail) throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
      return value;
    };
  const counting: KeytarApi = {
    getPassword: (_s, account) => slow(account === 'bad' ? null : 'SECRET', account === 'bad')(),
    setPassword: () => slow(undefined)(),
    deletePassword: () => slow(true)(),
    findCredentials: () => slow([])(),
  };
  const a = createKeytarStore('one', { loadKeytar: async () => counting });
  const b = createKeytarStore('two', { loadKeytar: async () => counting });
  const calls = [];
  for (let i = 0; i < 20; i++) {
    calls.push(a.set(`id${i}`, 'SECRET'), b.get(`id${i}`), a.accounts(), b.delete(`id${i}`), a.get('bad'));
  }
  const settled = await Promise.allSettled(calls);
  expect(most).toBe(1);
  expect(settled.filter((r) => r.status === 'rejected')).toHaveLength(20);
});
