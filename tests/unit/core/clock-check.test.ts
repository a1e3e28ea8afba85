/**
 * The clock check against a real local HTTPS server on 127.0.0.1 whose Date
 * header is skewed on purpose (self-signed fixture certificate, trusted via
 * `ca` only here). The local clock is injected; nothing sleeps.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { ClockCheck, httpsDateProbe, judge, offsetClock, offsetOf } from '../../../core/clock-check';

const tls = path.resolve(import.meta.dirname, '../../fixtures/tls');
const cert = readFileSync(path.join(tls, 'localhost-cert.pem'));
const key = readFileSync(path.join(tls, 'localhost-key.pem'));

const LOCAL = Date.UTC(2026, 0, 15, 12, 0, 0);
let serverTime = LOCAL;
let sendDate = true;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer({ cert, key }, (_req, res) => {
    res.sendDate = false;
    if (sendDate) res.setHeader('Date', new Date(serverTime).toUTCString());
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function checker(apply = false) {
  const clock = fixedClock(LOCAL);
  const statuses: unknown[] = [];
  const check = new ClockCheck({
    probe: httpsDateProbe({ now: () => clock.now(), ca: cert }),
    clock,
    url: async () => url,
    applyOffset: () => apply,
    onStatus: (s) => statuses.push(s),
  });
  return { check, clock, statuses };
}

describe('offset arithmetic', () => {
  it('takes the middle of the Date second and of the round trip', () => {
    expect(offsetOf({ serverMs: 10_000, sentAt: 9_000, receivedAt: 9_200 })).toBe(1_400);
    expect(judge(15_000)).toBe('ok');
    expect(judge(-15_001)).toBe('skewed');
  });
});

describe('the clock check over HTTPS', () => {
  it('measures a clock 42 s behind the server and warns', async () => {
    serverTime = LOCAL + 42_000;
    const { check, statuses } = checker();
    const status = await check.check();
    expect(status).toMatchObject({ state: 'skewed', server: `127.0.0.1:${new URL(url).port}`, applied: false });
    expect(status.offsetMs).toBe(42_500); // Date has whole seconds: the middle of that second
    expect(statuses).toHaveLength(1);
    expect(check.appliedOffset()).toBe(0); // not applied unless the setting says so
  });

  it('a clock within 15 s is ok', async () => {
    serverTime = LOCAL - 3_000;
    expect(await checker().check.check()).toMatchObject({ state: 'ok', offsetMs: -2_500 });
  });

  it('with applyClockOffset the codes clock moves by the offset', async () => {
    serverTime = LOCAL + 60_000;
    const { check, clock } = checker(true);
    const status = await check.check();
    expect(status.applied).toBe(true);
    const codes = offsetClock(clock, () => check.appliedOffset());
    expect(codes.now()).toBe(LOCAL + 60_500);
  });

  it('refuses an untrusted certificate (no ca): reported as offline, never as a measurement', async () => {
    serverTime = LOCAL + 90_000;
    const clock = fixedClock(LOCAL);
    const check = new ClockCheck({
      probe: httpsDateProbe({ now: () => clock.now() }),
      clock,
      url: async () => url,
      applyOffset: () => true,
    });
    expect(await check.check()).toMatchObject({ state: 'offline', offsetMs: null, applied: false });
  });

  it('offline (nothing listening) says so and keeps the last measurement applied', async () => {
    serverTime = LOCAL + 20_000;
    const { check } = checker(true);
    await check.check();
    const gone = createServer({ cert, key });
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const deadPort = (gone.address() as AddressInfo).port;
    await new Promise<void>((r) => gone.close(() => r()));
    url = url.replace(/:\d+\//, `:${deadPort}/`);
    try {
      const status = await check.check();
      expect(status).toMatchObject({ state: 'offline', offsetMs: 20_500, applied: true });
      expect(check.appliedOffset()).toBe(20_500);
    } finally {
      url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    }
  });

  it('a server without a Date header counts as no answer', async () => {
    sendDate = false;
    try {
      expect((await checker().check.check()).state).toBe('offline');
    } finally {
      sendDate = true;
    }
  });
});
