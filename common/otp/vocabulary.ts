/**
 * The OTP vocabulary, stated once: the types, algorithms and number ranges
 * Authdesk accepts. The TypeScript types (./types.ts), the zod schemas
 * (./schemas.ts: the IPC contract and the accounts file) and core's checks
 * with their messages (core/otp/params.ts) are all derived from here.
 */

export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** Steam Guard codes are always 5 characters, SHA1, 30 s, whatever a link or a file says. */
export const STEAM = { algorithm: 'SHA1', digits: 5, period: 30 } as const satisfies {
  algorithm: Algorithm;
  digits: number;
  period: number;
};

/**
 * Code length per type. 10 digits is the most a 31-bit truncated value can
 * fill; 6–8 is what services use in practice.
 */
export const DIGITS = {
  totp: { min: 1, max: 10 },
  hotp: { min: 1, max: 10 },
  steam: { min: STEAM.digits, max: STEAM.digits },
} as const satisfies Record<OtpType, { min: number; max: number }>;

/** Seconds per code (totp); otplib's limits. */
export const PERIOD = { min: 1, max: 3600 } as const;

/** A HOTP counter: up to 2^53-1 (otplib's limit); counters above 2^32 are real and must survive. */
export const COUNTER = { min: 0, max: Number.MAX_SAFE_INTEGER } as const;

/** An issuer or account name is at most this many characters (stored on one line, trimmed). */
export const LABEL_MAX_LENGTH = 200;

/** What a link or the manual form means when it leaves a parameter out (Google's Key Uri Format). */
export const DEFAULTS = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const satisfies {
  type: OtpType;
  algorithm: Algorithm;
  digits: number;
  period: number;
  counter: number;
};
