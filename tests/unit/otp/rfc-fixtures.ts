/**
 * RFC 4226 Appendix D and RFC 6238 Appendix B, written down as facts so code
 * generation is tested even where ../shared/vectors is absent. The 7/8-digit
 * HOTP codes are the same truncated values mod 10^7 / 10^8 (not in the RFC).
 */
import type { Algorithm } from '../../../common/otp/types';

/** The ASCII seed "12345678901234567890" (20 bytes) in base32. */
export const RFC4226_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** counter, 31-bit truncated value, 6-digit HOTP. */
export const RFC4226_ROWS: readonly { counter: number; truncated: number; hotp: string }[] = [
  { counter: 0, truncated: 1284755224, hotp: '755224' },
  { counter: 1, truncated: 1094287082, hotp: '287082' },
  { counter: 2, truncated: 137359152, hotp: '359152' },
  { counter: 3, truncated: 1726969429, hotp: '969429' },
  { counter: 4, truncated: 1640338314, hotp: '338314' },
  { counter: 5, truncated: 868254676, hotp: '254676' },
  { counter: 6, truncated: 1918287922, hotp: '287922' },
  { counter: 7, truncated: 82162583, hotp: '162583' },
  { counter: 8, truncated: 673399871, hotp: '399871' },
  { counter: 9, truncated: 645520489, hotp: '520489' },
];

/** RFC 6238's seeds per hash (the table's longer seeds, see the RFC errata), in base32. */
export const RFC6238_SECRETS: Readonly<Record<Algorithm, string>> = {
  SHA1: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  SHA256: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA',
  SHA512: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA',
};

/** Unix time (s), time step T, and the 8-digit TOTP per hash; period 30, T0 0. */
export const RFC6238_ROWS: readonly { time: number; step: number; codes: Record<Algorithm, string> }[] = [
  { time: 59, step: 0x1, codes: { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' } },
  { time: 1111111109, step: 0x23523ec, codes: { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' } },
  { time: 1111111111, step: 0x23523ed, codes: { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' } },
  { time: 1234567890, step: 0x273ef07, codes: { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' } },
  { time: 2000000000, step: 0x3f940aa, codes: { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' } },
  { time: 20000000000, step: 0x27bc86aa, codes: { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' } },
];
