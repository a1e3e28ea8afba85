/**
 * Codes, computed by otplib 13 (RFC 4226 HOTP; TOTP = HOTP at the time step,
 * T0 = 0). Runs for every account at each period boundary, so key bytes are
 * decoded once per secret and HMAC runs on Node's crypto (see node-hmac.ts).
 */
import { generateSync } from 'otplib';
import { createGuardrails } from '@otplib/core';
import { AuthdeskError } from '../errors';
import { nodeHmac } from './node-hmac';
import { STEAM, checkCounter, checkDigits, checkPeriod, DEFAULTS } from './params';
import { MAX_SECRET_BYTES, secretBytes } from './secret';
import type { Algorithm, CodeResult, OtpParams } from './types';

// otplib refuses keys under 16 bytes by default; real keys are often 10, and
// imported ones as short as 6. Our own limits (secret.ts) apply instead.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1, MAX_SECRET_BYTES });

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** The code at `atMs` (totp/steam) or at `params.counter` (hotp). */
export function generateCode(secret: string, params: OtpParams, atMs: number): string {
  if (params.type === 'hotp') return hotpCode(secret, params, params.counter ?? missingCounter());
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
  const periodMs = periodOf(params) * 1000;
  const step = timeStep(nowMs, periodOf(params));
  return {
    id,
    code: codeAtStep(secret, params, step),
    next: codeAtStep(secret, params, step + 1),
    validFrom: step * periodMs,
    validUntil: (step + 1) * periodMs,
  };
}

/**
 * RFC 4226's dynamically truncated 31-bit value for `counter`. otplib's sync
 * path ignores `hooks` (13.5.0 functional.js does not pass them on), so its
 * encodeToken hook cannot give us this value; asking otplib for 10 digits
 * does, because 10^10 > 2^31 makes "value mod 10^10" the value itself.
 */
export function truncatedValue(secret: string, algorithm: Algorithm, counter: number): number {
  return Number(otplibCode(secret, algorithm, 10, counter));
}

function codeAtStep(secret: string, params: OtpParams, counter: number): string {
  if (params.type === 'steam') return steamCode(truncatedValue(secret, STEAM.algorithm, counter));
  return otplibCode(secret, params.algorithm, checkDigits(params.digits), counter);
}

/** Steam Guard: five characters, the value read base 26 from its lowest "digit" up. */
function steamCode(value: number): string {
  let code = '';
  let rest = value;
  for (let i = 0; i < STEAM.digits; i++) {
    code += STEAM_ALPHABET[rest % STEAM_ALPHABET.length];
    rest = Math.floor(rest / STEAM_ALPHABET.length);
  }
  return code;
}

function otplibCode(secret: string, algorithm: Algorithm, digits: number, counter: number): string {
  const key = cachedKey(secret);
  const hash = otplibAlgorithm(algorithm);
  try {
    return generateSync({
      strategy: 'hotp',
      secret: key,
      counter,
      algorithm: hash,
      digits,
      guardrails,
      crypto: nodeHmac,
    });
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

function periodOf(params: OtpParams): number {
  if (params.type === 'steam') return STEAM.period;
  return checkPeriod(params.period ?? DEFAULTS.period);
}

function missingCounter(): never {
  throw new AuthdeskError(
    'missing-counter',
    'This counter-based (HOTP) account has no counter, so its code cannot be made.',
  );
}

/**
 * Decoded key bytes per secret text. Secrets are already held in main-process
 * memory; this only saves re-decoding base32 a thousand times per refresh. The
 * bound keeps a long-running app from collecting every key it ever saw.
 */
const keyCache = new Map<string, Uint8Array>();
const KEY_CACHE_LIMIT = 4096;

function cachedKey(secret: string): Uint8Array {
  let key = keyCache.get(secret);
  if (key === undefined) {
    key = secretBytes(secret);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}
