import { describe, expect, it } from 'vitest';
import { draftFromManualEntry, parseOtpauthUri } from '../../../core/otp/index';
import type { ManualEntryInput } from '../../../core/otp/index';
import { caught } from './support';

const entry = (more: Partial<ManualEntryInput> = {}): ManualEntryInput => ({
  issuer: 'Example',
  name: 'alice',
  secret: 'jbsw y3dp ehpk 3pxp',
  ...more,
});

describe('draftFromManualEntry', () => {
  it('fills in SHA1 / 6 digits / 30 s and normalises the key', () => {
    expect(draftFromManualEntry(entry())).toEqual({
      type: 'totp',
      issuer: 'Example',
      name: 'alice',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('gives the same draft as scanning the equivalent link', () => {
    const typed = draftFromManualEntry(
      entry({ issuer: '  Example ', name: ' alice  ', algorithm: 'SHA256', digits: 8, period: 60 }),
    );
    expect(typed).toEqual(
      parseOtpauthUri('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256&digits=8&period=60'),
    );
  });

  it('starts HOTP at counter 0 unless given, and leaves out the period', () => {
    expect(draftFromManualEntry(entry({ type: 'hotp', period: 60 }))).toEqual({
      type: 'hotp',
      issuer: 'Example',
      name: 'alice',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      counter: 0,
    });
    expect(draftFromManualEntry(entry({ type: 'hotp', counter: 42 }))).toMatchObject({ type: 'hotp', counter: 42 });
  });

  it('forces Steam to 5 characters, SHA1, 30 s', () => {
    expect(draftFromManualEntry(entry({ type: 'steam', digits: 8, algorithm: 'SHA512', period: 60 }))).toMatchObject({
      type: 'steam',
      algorithm: 'SHA1',
      digits: 5,
      period: 30,
    });
    expect(draftFromManualEntry(entry({ type: 'steam' }))).not.toHaveProperty('counter');
  });

  it('needs a name or an issuer (either alone is fine)', () => {
    const err = caught(() => draftFromManualEntry(entry({ issuer: '  ', name: '' })));
    expect(err.code).toBe('bad-input');
    expect(err.message).toMatch(/name or an issuer/);
    expect(draftFromManualEntry(entry({ issuer: '' })).name).toBe('alice');
    expect(draftFromManualEntry(entry({ name: '' })).issuer).toBe('Example');
  });

  it('refuses bad values with the same codes as a link', () => {
    const cases: [Partial<ManualEntryInput>, string][] = [
      [{ secret: '' }, 'missing-secret'],
      [{ secret: 'JBSWY3DPEHPK3PX1' }, 'bad-secret'],
      [{ secret: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' }, 'bad-secret'],
      [{ digits: 0 }, 'bad-digits'],
      [{ digits: 11 }, 'bad-digits'],
      [{ digits: 6.5 }, 'bad-digits'],
      [{ period: 0 }, 'bad-period'],
      [{ period: 3601 }, 'bad-period'],
      [{ type: 'hotp', counter: -1 }, 'bad-counter'],
      [{ type: 'hotp', counter: 2 ** 53 }, 'bad-counter'],
      [{ algorithm: 'MD5' as 'SHA1' }, 'bad-algorithm'],
      [{ type: 'motp' as 'totp' }, 'bad-type'],
      [{ name: 'bad \ud800 char' }, 'bad-input'],
    ];
    for (const [more, code] of cases)
      expect([more, caught(() => draftFromManualEntry(entry(more))).code]).toEqual([more, code]);
  });
});
