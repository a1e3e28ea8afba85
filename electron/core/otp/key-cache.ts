/**
 * Per-secret working state for code generation: the decoded key bytes and the
 * last few codes made with them. Secrets already live in main-process memory;
 * this only avoids redoing work at every refresh:
 *  - base32 decoding, once per key instead of twice per account per refresh;
 *  - the code of the coming period: the app asks at each boundary for
 *    (current, next), and this boundary's current is the last one's next, so
 *    a refresh makes one HMAC per account instead of two.
 * Both are bounded so a long-running app does not collect every key it saw.
 */
import { secretBytes } from './secret';

export interface KeyEntry {
  readonly bytes: Uint8Array;
  /** code by `type/algorithm/digits/counter`, oldest first. */
  readonly codes: Map<string, string>;
}

const KEY_LIMIT = 4096;
/** current + next, plus room for a hotp counter or a second digit count. */
const CODES_PER_KEY = 4;
const entries = new Map<string, KeyEntry>();

export function keyEntry(secret: string): KeyEntry {
  let entry = entries.get(secret);
  if (entry === undefined) {
    entry = { bytes: secretBytes(secret), codes: new Map() };
    if (entries.size >= KEY_LIMIT) entries.clear();
    entries.set(secret, entry);
  }
  return entry;
}

/** Remembers `code` for `memoKey`, forgetting the oldest beyond CODES_PER_KEY. */
export function rememberCode(entry: KeyEntry, memoKey: string, code: string): string {
  if (entry.codes.size >= CODES_PER_KEY) entry.codes.delete(entry.codes.keys().next().value as string);
  entry.codes.set(memoKey, code);
  return code;
}

/** Drops everything remembered (tests, and benchmarks measuring a cold start). */
export function clearKeyCache(): void {
  entries.clear();
}
