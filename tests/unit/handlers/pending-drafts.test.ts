import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import type { AccountDraft } from '../../../core/otp/index';
import { PENDING_MAX, PENDING_TTL_MS, PRUNE_EVERY_MS, PendingDrafts } from '../../../electron/handlers/pending-drafts';

const draft = (name: string): AccountDraft => ({
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  issuer: 'X',
  name,
  secret: 'JBSWY3DPEHPK3PXP',
});

describe('PendingDrafts', () => {
  it('gives unguessable tokens and keeps the draft until deleted', () => {
    const pending = new PendingDrafts(fixedClock(0));
    const a = pending.put(draft('a'));
    const b = pending.put(draft('b'));
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(pending.get(a).name).toBe('a');
    expect(pending.get(a).name).toBe('a');
    pending.delete(a);
    expect(() => pending.get(a)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('forgets drafts after the time limit', () => {
    const clock = fixedClock(0);
    const pending = new PendingDrafts(clock);
    const token = pending.put(draft('a'));
    clock.advance(PENDING_TTL_MS - 1);
    expect(pending.get(token).name).toBe('a');
    clock.advance(1);
    expect(() => pending.get(token)).toThrow(/Scan the QR code again/);
    expect(pending.size).toBe(0);
  });

  it(`keeps at most ${PENDING_MAX}, dropping the oldest first`, () => {
    const pending = new PendingDrafts(fixedClock(0));
    const tokens = Array.from({ length: PENDING_MAX + 5 }, (_, i) => pending.put(draft(`d${i}`)));
    expect(pending.size).toBe(PENDING_MAX);
    for (const old of tokens.slice(0, 5)) expect(() => pending.get(old)).toThrow();
    expect(pending.get(tokens.at(-1)!).name).toBe(`d${PENDING_MAX + 4}`);
    expect(pending.get(tokens[5]!).name).toBe('d5');
  });

  it('drops expired drafts on its timer, without any call', () => {
    let now = 0;
    const timers: { fn: () => void; ms: number }[] = [];
    const pending = new PendingDrafts(
      { now: () => now },
      PENDING_TTL_MS,
      PENDING_MAX,
      (fn, ms) => void timers.push({ fn, ms }),
    );
    pending.put(draft('a'));
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(PRUNE_EVERY_MS);
    now = PENDING_TTL_MS - 1;
    timers[0]!.fn();
    expect(pending.held).toBe(1);
    now = PENDING_TTL_MS;
    timers[0]!.fn();
    expect(pending.held).toBe(0);
  });
});
