/** Our own parsing rules beyond the shared vectors (which otpauth-vectors.test.ts runs). */
import { describe, expect, it } from 'vitest';
import { encodeBase32, parseOtpauthUri } from '../../../core/otp/index';
import { caught } from './support';

const KEY = 'JBSWY3DPEHPK3PXP';

describe('parseOtpauthUri', () => {
  it('trims surrounding white space and reads the scheme in any case', () => {
    expect(parseOtpauthUri(`\n  OTPAUTH://totp/Ex:al?secret=${KEY}  \r\n`)).toMatchObject({
      issuer: 'Ex',
      name: 'al',
      secret: KEY,
    });
  });

  it('ignores a fragment', () => {
    expect(parseOtpauthUri(`otpauth://totp/Ex:al?secret=${KEY}&issuer=Ex#whatever`)).toMatchObject({
      issuer: 'Ex',
      secret: KEY,
    });
  });

  it('reads parameter names in any case; a doubled label part keeps the first, a doubled code parameter is refused', () => {
    const draft = parseOtpauthUri(`otpauth://totp/al?Secret=${KEY}&DIGITS=8&digits=8&Issuer=One&issuer=Two`);
    expect(draft).toMatchObject({ secret: KEY, digits: 8, issuer: 'One' });
    expect(caught(() => parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&DIGITS=8&digits=6`))).toMatchObject({
      code: 'malformed-uri',
      message: expect.stringContaining("'digits=' twice"),
    });
  });

  it('treats an empty optional value as absent (defaults apply)', () => {
    expect(parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&digits=&period=&algorithm=`)).toMatchObject({
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('accepts SHA-256 / sha_512 spellings', () => {
    expect(parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&algorithm=SHA-256`).algorithm).toBe('SHA256');
    expect(parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&algorithm=sha_512`).algorithm).toBe('SHA512');
  });

  it('lets the issuer parameter win, and falls back to the prefix when the parameter is empty', () => {
    expect(parseOtpauthUri(`otpauth://totp/Foo:al?secret=${KEY}&issuer=`).issuer).toBe('Foo');
    expect(parseOtpauthUri(`otpauth://totp/Foo:al?secret=${KEY}&issuer=%20Bar%20`).issuer).toBe('Bar');
  });

  it('forces Steam codes to 5 characters, SHA1, 30 s whatever the link says', () => {
    const draft = parseOtpauthUri(`otpauth://steam/Valve:me?secret=${KEY}&digits=8&algorithm=SHA512&period=60`);
    expect(draft).toEqual({
      type: 'steam',
      issuer: 'Valve',
      name: 'me',
      secret: KEY,
      algorithm: 'SHA1',
      digits: 5,
      period: 30,
    });
  });

  it('reads steam://KEY with a trailing slash, lower case and spaces', () => {
    expect(parseOtpauthUri('steam://jbsw%20y3dp%20ehpk%203pxp/').secret).toBe(KEY);
    expect(caught(() => parseOtpauthUri('steam://')).code).toBe('missing-secret');
    expect(caught(() => parseOtpauthUri('steam:KEY')).code).toBe('malformed-uri');
  });

  it('keeps counters up to 2^53-1 and refuses larger ones', () => {
    expect(parseOtpauthUri(`otpauth://hotp/al?secret=${KEY}&counter=9007199254740991`)).toMatchObject({
      counter: Number.MAX_SAFE_INTEGER,
    });
    expect(caught(() => parseOtpauthUri(`otpauth://hotp/al?secret=${KEY}&counter=9007199254740992`)).code).toBe(
      'bad-counter',
    );
    expect(caught(() => parseOtpauthUri(`otpauth://hotp/al?secret=${KEY}&counter=`)).code).toBe('missing-counter');
  });

  it('accepts periods 1..3600 and digits 1..10 only, as plain decimal numbers', () => {
    expect(parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&period=3600&digits=1`)).toMatchObject({
      period: 3600,
      digits: 1,
    });
    for (const period of ['3601', '1e3', ' 30', '30.0', '0x1e']) {
      expect(caught(() => parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&period=${period}`)).code).toBe('bad-period');
    }
    expect(caught(() => parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&digits=6.5`)).code).toBe('bad-digits');
  });

  it('refuses keys of 0 bytes or more than 128 bytes', () => {
    expect(caught(() => parseOtpauthUri('otpauth://totp/al?secret=A')).code).toBe('bad-secret');
    expect(parseOtpauthUri(`otpauth://totp/al?secret=${encodeBase32(new Uint8Array(128))}`).secret).toHaveLength(205);
    expect(caught(() => parseOtpauthUri(`otpauth://totp/al?secret=${encodeBase32(new Uint8Array(129))}`)).code).toBe(
      'bad-secret',
    );
  });

  it('explains each kind of damage in a sentence', () => {
    const cases: [string, string, RegExp][] = [
      ['', 'malformed-uri', /start with otpauth:\/\//],
      ['otpauth:totp/al?secret=X', 'malformed-uri', /followed by '\/\/'/],
      [`otpauth://totp/%E0%A4%A?secret=${KEY}`, 'malformed-uri', /broken %-escape/],
      [`https://example.com/?secret=${KEY}`, 'bad-scheme', /starts with 'https:', not 'otpauth:'/],
      [`otpauth://motp/al?secret=${KEY}`, 'bad-type', /'motp' is not one of them/],
      [`otpauth:///al?secret=${KEY}`, 'bad-type', /none was given/],
      ['otpauth://totp/al?issuer=X', 'missing-secret', /no secret key/],
      [`otpauth://totp/al?secret=${KEY}&algorithm=MD5`, 'bad-algorithm', /\(got 'MD5'\).*SHA1, SHA256 and SHA512/],
      [`otpauth://totp/al?secret=${KEY}&digits=11`, 'bad-digits', /from 1 to 10 \(got '11'\)/],
      [`otpauth://hotp/al?secret=${KEY}`, 'missing-counter', /no counter/],
    ];
    for (const [uri, code, message] of cases) {
      const err = caught(() => parseOtpauthUri(uri));
      expect([err.code, err.message]).toEqual([code, expect.stringMatching(message)]);
      expect(err.message).toMatch(/^[A-Z].*\.$/);
      expect(err.stack ?? '').not.toContain(KEY);
    }
  });

  it('does not quote long values back (they could be pieces of a key)', () => {
    const err = caught(() => parseOtpauthUri(`otpauth://totp/al?secret=${KEY}&digits=${KEY}`));
    expect(err.message).not.toContain(KEY);
  });
});
