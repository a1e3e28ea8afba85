/**
 * Per-secret working state for code generation: the decoded key bytes and the
 * last few codes made with them. Secrets already live in main-process memory;
 * this only avoids redoing work at every refresh:
 *  - base32 decoding, once per key instead of twice per account per refresh;
 *  - the code of the coming period: the app asks at each boundary for
 *    (current, next), and this boundary's current is the last one's next, so
 *    a refresh makes one HMAC per account instead of two.
 * Both are bounded so a long-running app does not collect every key it saw.
 * The lookups compare fields instead of building string keys: this is the
 * hot path of a refresh, and per-call strings showed up as GC time.
 */
import { secretBytes } from './secret';
import type { Algorithm, OtpType } from '../../common/otp/types';

/** What a code depends on besides the key. */
export interface CodeInputs {
  type: OtpType;
  algorithm: Algorithm;
  digits: number;
  counter: number;
}

interface Remembered extends CodeInputs {
  code: string;
}

export interface KeyEntry {
  readonly bytes: Uint8Array;
  /** A small ring: current + next, plus room for a hotp counter or a second digit count. */
  readonly codes: Remembered[];
  nextSlot: number;
}

/** Fills empty slots (counter -1 never matches) so the ring holds one object shape. */
const EMPTY: Remembered = Object.freeze({ type: 'totp', algorithm: 'SHA1', digits: 0, counter: -1, code: '' });

const KEY_LIMIT = 4096;
const CODES_PER_KEY = 4; // must match the EMPTY slots in keyEntry
const entries = new Map<string, KeyEntry>();

export function keyEntry(secret: string): KeyEntry {
  let entry = entries.get(secret);
  if (entry === undefined) {
    entry = { bytes: secretBytes(secret), codes: [EMPTY, EMPTY, EMPTY, EMPTY], nextSlot: 0 };
    if (entries.size >= KEY_LIMIT) entries.clear();
    entries.set(secret, entry);
  }
  return entry;
}

/** The code remembered for exactly these inputs, if any. */
export function recallCode(
  entry: KeyEntry,
  type: OtpType,
  algorithm: Algorithm,
  digits: number,
  counter: number,
): string | undefined {
  for (const r of entry.codes) {
    if (
      r !== undefined &&
      r.counter === counter &&
      r.digits === digits &&
      r.algorithm === algorithm &&
      r.type === type
    ) {
      return r.code;
    }
  }
  return undefined;
}

/** Remembers a code, replacing the oldest once the ring is full. */
export function rememberCode(entry: KeyEntry, inputs: CodeInputs, code: string): string {
  entry.codes[entry.nextSlot] = {
    type: inputs.type,
    algorithm: inputs.algorithm,
    digits: inputs.digits,
    counter: inputs.counter,
    code,
  };
  entry.nextSlot = (entry.nextSlot + 1) % CODES_PER_KEY;
  return code;
}

/** Drops one key's decoded bytes and codes: an account was removed, its key must not linger here. */
export function forgetKey(secret: string): void {
  const entry = entries.get(secret);
  if (entry) entry.bytes.fill(0); // the bytes may still be referenced by a caller mid-refresh; zero them anyway
  entries.delete(secret);
}

/** Drops everything remembered (tests, and benchmarks measuring a cold start). */
export function clearKeyCache(): void {
  entries.clear();
}
