/**
 * Hostile and mistaken input at parse time: control characters and bidi
 * overrides never survive into a label, long labels are cut on a grapheme
 * boundary, and a short key, a huge counter or a doubled secret each get a
 * message that says exactly what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { draftFromManualEntry, parseOtpauthUri } from '../../../core/otp/index';
import { cleanLabel } from '../../../core/vault/labels';
import { cutToGraphemes, hasUnsafeChars, printableText } from '../../../common/safe-text';
import { parseAtTime } from '../../../cli/at-time';
import { caught } from './support';

const KEY = 'JBSWY3DPEHPK3PXP';

describe('control characters', () => {
  it('strips ESC/BEL/NUL, C1, DEL and bidi overrides from a link label and issuer', () => {
    const label = encodeURIComponent('\x1b]0;PWNED\x07Evil\u009b31m:al\u202eice\x00\x7f');
    const draft = parseOtpauthUri(
      `otpauth://totp/${label}?secret=${KEY}&issuer=${encodeURIComponent('Bank\u2066\x1b[2J')}`,
    );
    expect(draft.issuer).toBe('Bank[2J');
    expect(draft.name).toBe('alice');
    expect(hasUnsafeChars(draft.issuer + draft.name)).toBe(false);
    // Without an issuer parameter the label prefix is used, and it is cleaned too.
    expect(parseOtpauthUri(`otpauth://totp/${label}?secret=${KEY}`).issuer).toBe(']0;PWNEDEvil31m');
  });

  it('turns tabs and newlines into single spaces', () => {
    expect(parseOtpauthUri(`otpauth://totp/Acme:${encodeURIComponent('a\tb\n\nc')}?secret=${KEY}`).name).toBe('a b c');
  });

  it('cleans typed labels and renames the same way', () => {
    expect(draftFromManualEntry({ issuer: 'X\x1b[31m', name: 'y\u202e', secret: KEY }).issuer).toBe('X[31m');
    expect(cleanLabel('\x1b]0;t\x07ok')).toBe(']0;tok');
  });

  it('shows unsafe characters as visible escapes when printing', () => {
    expect(printableText('a\x1b]0;PWNED\x07b\u202e', '\n')).toBe('a\\x1b]0;PWNED\\x07b\\u202e');
    expect(printableText('one\ntwo', '\n')).toBe('one\ntwo');
  });
});

describe('long labels', () => {
  it('cuts at 200 UTF-16 units without splitting an emoji, a flag or a family', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 units
    const text = 'a'.repeat(195) + family + 'tail';
    const cut = cleanLabel(text);
    expect(cut).toBe('a'.repeat(195));
    expect(cutToGraphemes('a'.repeat(199) + '🇳🇴', 200)).toBe('a'.repeat(199));
    expect(cutToGraphemes('a'.repeat(196) + '🇳🇴', 200)).toBe('a'.repeat(196) + '🇳🇴');
    expect(cleanLabel('é'.normalize('NFD').repeat(150)).length).toBe(200); // e + combining accent stay together
  });
});

describe('exact messages', () => {
  it('refuses a 1-byte key and says how long it is and how long it must be', () => {
    const err = caught(() => parseOtpauthUri('otpauth://totp/a?secret=AE'));
    expect(err.code).toBe('bad-secret');
    expect(err.message).toContain('1 byte (2 base32 characters)');
    expect(err.message).toContain('at least 6 bytes');
  });

  it('says a too-large counter is too large, not "not a whole number"', () => {
    const err = caught(() => parseOtpauthUri(`otpauth://hotp/a?secret=${KEY}&counter=9007199254740992`));
    expect(err.code).toBe('bad-counter');
    expect(err.message).toMatch(/too large \(it has 16 digits\).*9007199254740991/);
    expect(caught(() => parseOtpauthUri(`otpauth://hotp/a?secret=${KEY}&counter=-1`)).message).toMatch(
      /from 0 upwards/,
    );
  });

  it('refuses two different secret= parameters without quoting either', () => {
    const err = caught(() => parseOtpauthUri(`otpauth://totp/a?secret=${KEY}&secret=GEZDGNBVGY3TQOJQ`));
    expect(err.code).toBe('bad-secret');
    expect(err.message).toContain("two different 'secret=' parameters");
    expect(err.message).not.toContain(KEY);
    expect(err.message).not.toContain('GEZDGNBV');
  });
});

describe('--at', () => {
  it('takes seconds bare, milliseconds only with ms, and refuses a bare millisecond value', () => {
    expect(parseAtTime('1700000000')).toBe(1_700_000_000_000);
    expect(parseAtTime('1700000000s')).toBe(1_700_000_000_000);
    expect(parseAtTime('1700000000000ms')).toBe(1_700_000_000_000);
    expect(parseAtTime('2009-11-10T23:00:00Z')).toBe(1_257_894_000_000);
    const err = caught(() => parseAtTime('1700000000000'));
    expect(err.message).toContain('looks like milliseconds');
    expect(err.message).toContain('1700000000000ms');
    expect(caught(() => parseAtTime('99999999999999999ms')).message).toContain('beyond');
  });
});
