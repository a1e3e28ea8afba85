/**
 * Codes, computed by otplib 13 (RFC 4226 HOTP; TOTP = HOTP at the time step,
 * T0 = 0). This runs for every account at each period boundary, so:
 *  - we call @otplib/hotp's generateSync, the function otplib's own generate
 *    ends in: the `otplib` functional wrapper costs about as much again per
 *    code (measured with bench/codes.bench.ts), and its sync path drops `hooks`;
 *  - keys are decoded once and recent codes remembered (key-cache.ts);
 *  - HMAC runs on Node's crypto (node-hmac.ts).
 */
import { createGuardrails, type OTPHooks } from '@otplib/core';
import { generateSync } from '@otplib/hotp';
import { AuthdeskError } from '../../common/errors';
import { nodeHmac } from './node-hmac';
import { STEAM, checkCounter, checkDigits, checkPeriod } from './params';
import { keyEntry, recallCode, rememberCode } from './key-cache';
import { MAX_SECRET_BYTES } from './secret';
import type { Algorithm, CodeResult, OtpParams, SteamParams, TotpParams } from '../../common/otp/types';

// otplib refuses keys under 16 bytes by default; real keys are often 10, and
// imported ones as short as 6. Our own limits (secret.ts) apply instead.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1, MAX_SECRET_BYTES });

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
const STEAM_HOOKS: OTPHooks = { encodeToken: (value) => steamCode(value) };
const RAW_VALUE: OTPHooks = { encodeToken: (value) => String(value) };

/** The code at `atMs` (totp/steam) or at `params.counter` (hotp). */
export function generateCode(secret: string, params: OtpParams, atMs: number): string {
  if (params.type === 'hotp') return hotpCode(secret, params, params.counter);
  return codeAtStep(secret, params, timeStep(atMs, periodOf(params)));
}

/** The code for an explicit counter (digits, algorithm and encoding from `params`). */
export function hotpCode(secret: string, params: OtpParams, counter: number): string {
  return codeAtStep(secret, params, checkCounter(counter));
}

/**
 * The current and the next code of the period containing `nowMs`, with that
 * period's bounds in ms (periods are aligned to the Unix epoch). For hotp:
 * the code at the stored counter, no next code and no bounds.
 */
export function codeWindow(id: string, secret: string, params: OtpParams, nowMs: number): CodeResult {
  if (params.type === 'hotp') {
    return { id, code: generateCode(secret, params, nowMs), next: null, validFrom: null, validUntil: null };
  }
  const period = periodOf(params);
  const periodMs = period * 1000;
  const step = timeStep(nowMs, period);
  return {
    id,
    code: codeAtStep(secret, params, step),
    next: codeAtStep(secret, params, step + 1),
    validFrom: step * periodMs,
    validUntil: (step + 1) * periodMs,
  };
}

/** RFC 4226's dynamically truncated 31-bit value for `counter` (otplib hands it to encodeToken). */
export function truncatedValue(secret: string, algorithm: Algorithm, counter: number): number {
  return Number(otplibCode(keyEntry(secret).bytes, algorithm, 0, counter, RAW_VALUE));
}

function codeAtStep(secret: string, params: OtpParams, counter: number): string {
  const entry = keyEntry(secret);
  const steam = params.type === 'steam';
  const algorithm = steam ? STEAM.algorithm : params.algorithm;
  const digits = params.type === 'steam' ? STEAM.digits : checkDigits(params.digits, params.type);
  const known = recallCode(entry, params.type, algorithm, digits, counter);
  if (known !== undefined) return known;
  const code = otplibCode(entry.bytes, algorithm, digits, counter, steam ? STEAM_HOOKS : undefined);
  return rememberCode(entry, { type: params.type, algorithm, digits, counter }, code);
}

/** Steam Guard: five characters, the truncated value read base 26 from its lowest "digit" up. */
function steamCode(value: number): string {
  let code = '';
  let rest = value;
  for (let i = 0; i < STEAM.digits; i++) {
    code += STEAM_ALPHABET[rest % STEAM_ALPHABET.length];
    rest = Math.floor(rest / STEAM_ALPHABET.length);
  }
  return code;
}

function otplibCode(key: Uint8Array, algorithm: Algorithm, digits: number, counter: number, hooks?: OTPHooks): string {
  const hash = otplibAlgorithm(algorithm);
  try {
    return generateSync({ secret: key, counter, algorithm: hash, digits, guardrails, crypto: nodeHmac, hooks });
  } catch (err) {
    // Our checks run first, so this is a bug, not bad input: no library text
    // (nor anything near the key) reaches the user.
    throw new AuthdeskError('internal', 'Authdesk could not compute a code for this account.', { cause: err });
  }
}

function otplibAlgorithm(algorithm: Algorithm): 'sha1' | 'sha256' | 'sha512' {
  switch (algorithm) {
    case 'SHA1':
      return 'sha1';
    case 'SHA256':
      return 'sha256';
    case 'SHA512':
      return 'sha512';
    default:
      throw new AuthdeskError('bad-algorithm', 'Only the hash algorithms SHA1, SHA256 and SHA512 are supported.');
  }
}

/** Time step T = floor(ms / period), in plain doubles: exact far beyond 2038 (no 32-bit ints). */
function timeStep(atMs: number, period: number): number {
  if (!Number.isFinite(atMs) || atMs < 0) {
    throw new AuthdeskError(
      'bad-input',
      'A time-based code needs a time after 1 January 1970; check the computer clock.',
    );
  }
  return Math.floor(atMs / (period * 1000));
}

function periodOf(params: TotpParams | SteamParams): number {
  return params.type === 'steam' ? STEAM.period : checkPeriod(params.period);
}
