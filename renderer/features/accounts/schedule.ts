/**
 * When to ask main for codes again: at the earliest period boundary among the
 * codes on screen, never on a fixed tick.
 */
import type { CodeResult } from '../../../common/otp/types';

/** Milliseconds from `now` until the first code expires; null when nothing expires (no time-based codes). */
export function msUntilNextBoundary(codes: Iterable<CodeResult>, now: number): number | null {
  let earliest = Infinity;
  for (const c of codes) if (c.validUntil !== null && c.validUntil < earliest) earliest = c.validUntil;
  if (earliest === Infinity) return null;
  return Math.max(0, earliest - now);
}

/**
 * At a boundary the next code is already known: show it at once (no wait for
 * main), with the window shifted by one period. Main's answer replaces it.
 */
export function rollForward(code: CodeResult, now: number): CodeResult {
  if (code.validUntil === null || code.validFrom === null || now < code.validUntil || code.next === null) return code;
  const period = code.validUntil - code.validFrom;
  if (now >= code.validUntil + period) return code; // more than one period behind: only main knows
  return { ...code, code: code.next, next: null, validFrom: code.validUntil, validUntil: code.validUntil + period };
}
