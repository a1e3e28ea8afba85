/** RFC 4226 / RFC 6238 rows from the shared vectors file, one test per row. */
import { expect, it } from 'vitest';
import { codeWindow, generateCode, hotpCode } from '../../../core/otp/index';
import { truncatedValue } from '../../../core/otp/codes';
import type { Algorithm, HotpParams, OtpParams } from '../../../common/otp/types';
import { describeWithVectors, hasVectors, readVectorJson } from '../../support/vectors';

interface RfcFile {
  hotp_rfc4226: {
    secret_base32: string;
    vectors: {
      counter: number;
      truncated_hex: string;
      truncated_decimal: number;
      hotp: string;
      hotp_7_digits_derived: string;
      hotp_8_digits_derived: string;
    }[];
  };
  totp_rfc6238: {
    period: number;
    digits: number;
    secrets: Record<Algorithm, { base32: string }>;
    vectors: { unix_time: number; T_hex: string; algorithm: Algorithm; totp: string; totp_6_digits_derived: string }[];
  };
}

const rfc = hasVectors ? readVectorJson<RfcFile>('rfc', 'rfc4226_rfc6238_vectors.json') : undefined;
const hotpRows = rfc?.hotp_rfc4226.vectors ?? [];
const totpRows = rfc?.totp_rfc6238.vectors ?? [];

describeWithVectors(`RFC 4226: ${hotpRows.length} HOTP rows`, () => {
  const secret = rfc?.hotp_rfc4226.secret_base32 ?? '';
  const params = (digits: number): HotpParams => ({ type: 'hotp', algorithm: 'SHA1', digits, counter: 0 });

  it.each(hotpRows)('counter $counter: truncated $truncated_decimal, code $hotp', (row) => {
    expect(truncatedValue(secret, 'SHA1', row.counter)).toBe(row.truncated_decimal);
    expect(truncatedValue(secret, 'SHA1', row.counter)).toBe(parseInt(row.truncated_hex, 16));
    expect(hotpCode(secret, params(6), row.counter)).toBe(row.hotp);
    expect(generateCode(secret, { ...params(6), counter: row.counter }, 0)).toBe(row.hotp);
    expect(hotpCode(secret, params(7), row.counter)).toBe(row.hotp_7_digits_derived);
    expect(hotpCode(secret, params(8), row.counter)).toBe(row.hotp_8_digits_derived);
  });
});

describeWithVectors(`RFC 6238: ${totpRows.length} TOTP rows`, () => {
  it.each(totpRows)('$algorithm at $unix_time s: $totp', (row) => {
    const totp = rfc!.totp_rfc6238;
    const secret = totp.secrets[row.algorithm].base32;
    const params: OtpParams = { type: 'totp', algorithm: row.algorithm, digits: totp.digits, period: totp.period };
    const atMs = row.unix_time * 1000;
    expect(generateCode(secret, params, atMs)).toBe(row.totp);
    expect(generateCode(secret, { ...params, digits: 6 }, atMs)).toBe(row.totp_6_digits_derived);
    const window = codeWindow('rfc', secret, params, atMs);
    expect(window.code).toBe(row.totp);
    // The time step T (the RFC's T column) is the window start over the period.
    expect(window.validFrom! / (totp.period * 1000)).toBe(parseInt(row.T_hex, 16));
  });
});
