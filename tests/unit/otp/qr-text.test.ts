import { describe, expect, it } from 'vitest';
import { accountPreview, describeQrText, sameDraft } from '../../../core/otp/index';
import type { AccountDraft } from '../../../core/otp/index';
import { caught } from './support';

describe('describeQrText', () => {
  it('turns authenticator links (otpauth:// and Bitwarden steam://) into drafts', () => {
    expect(describeQrText(' otpauth://totp/Ex:al?secret=JBSWY3DPEHPK3PXP\n')).toEqual({
      kind: 'otp',
      draft: {
        type: 'totp',
        issuer: 'Ex',
        name: 'al',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    });
    expect(describeQrText('steam://JRZCL47CMXVOQMNPZR2F7J4RGI')).toMatchObject({
      kind: 'otp',
      draft: { type: 'steam', issuer: 'Steam' },
    });
  });

  it('throws the parse error for a broken authenticator link, so the user learns why', () => {
    expect(caught(() => describeQrText('otpauth://totp/Ex:al?issuer=Ex')).code).toBe('missing-secret');
    expect(caught(() => describeQrText('otpauth://hotp/Ex:al?secret=JBSWY3DPEHPK3PXP')).code).toBe('missing-counter');
  });

  it('names what other QR codes are', () => {
    const cases: [string, string, string][] = [
      ['https://example.com/login', 'web-link', 'This QR code is a web link, not an authenticator key.'],
      ['HTTP://EXAMPLE.COM', 'web-link', 'This QR code is a web link, not an authenticator key.'],
      ['WIFI:S:home;T:WPA;P:secret;;', 'wifi', 'This QR code holds Wi-Fi network settings, not an authenticator key.'],
      ['hello world', 'text', 'This QR code holds plain text, not an authenticator key.'],
      ['steam://run/440', 'text', 'This QR code holds plain text, not an authenticator key.'],
      [
        'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC',
        'migration',
        'This is a Google Authenticator transfer code: import its accounts (scan it in the app, or `authdesk import`).',
      ],
    ];
    for (const [text, what, message] of cases) expect(describeQrText(text)).toEqual({ kind: 'not-otp', what, message });
  });
});

const draft: AccountDraft = {
  type: 'totp',
  issuer: 'Ex',
  name: 'al',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};

describe('accountPreview', () => {
  it('drops the secret and anything else not in the preview shape', () => {
    const preview = accountPreview({ ...draft, extra: 'JBSWY3DPEHPK3PXP' } as AccountDraft);
    expect(preview).toEqual({ type: 'totp', issuer: 'Ex', name: 'al', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(JSON.stringify(preview)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('keeps the counter of hotp accounts', () => {
    const { period: _period, ...rest } = draft;
    expect(accountPreview({ ...rest, type: 'hotp', counter: 7 })).toEqual({
      type: 'hotp',
      issuer: 'Ex',
      name: 'al',
      algorithm: 'SHA1',
      digits: 6,
      counter: 7,
    });
  });
});

describe('sameDraft', () => {
  it('is true for the same key, labels and parameters (key spelling and HOTP counter do not matter)', () => {
    expect(sameDraft(draft, { ...draft })).toBe(true);
    expect(sameDraft(draft, { ...draft, secret: 'jbsw-y3dp-ehpk-3pxp' })).toBe(true);
    const { period: _period, ...rest } = draft;
    expect(sameDraft({ ...rest, type: 'hotp', counter: 1 }, { ...rest, type: 'hotp', counter: 9 })).toBe(true);
  });

  it('is false when anything that changes the code or the label differs', () => {
    const others: Record<string, unknown>[] = [
      { secret: 'JBSWY3DPEHPK3PXQ' },
      { issuer: 'ex' },
      { name: 'al2' },
      { type: 'steam' },
      { algorithm: 'SHA256' },
      { digits: 8 },
      { period: 60 },
    ];
    for (const other of others)
      expect([other, sameDraft(draft, { ...draft, ...other } as AccountDraft)]).toEqual([other, false]);
  });
});
