/**
 * The one rule for when codes change, shared by the list and enrollment: ask
 * main again at the earliest period boundary among the codes on screen, never
 * on a fixed tick; show the already-known next code at once meanwhile.
 */
import type { CodeResult } from '../../common/otp/types';

/** If main's codes are already expired by our clock (clocks disagree), wait this long rather than spin. */
export const STALE_RETRY_MS = 1_000;

/** In the last this many seconds a code is about to change: the list and enrollment both warn then. */
export const WARN_SECONDS = 5;

/** Milliseconds from `now` until the first code expires; null when nothing expires (no time-based codes). */
export function msUntilNextBoundary(codes: Iterable<CodeResult>, now: number): number | null {
  let earliest = Infinity;
  for (const c of codes) if (c.validUntil !== null && c.validUntil < earliest) earliest = c.validUntil;
  if (earliest === Infinity) return null;
  return Math.max(0, earliest - now);
}

/** When the boundary timer should fire: at the boundary, or after STALE_RETRY_MS when main's codes are already stale. */
export function refreshDelay(codes: Iterable<CodeResult>, now: number): number | null {
  const wait = msUntilNextBoundary(codes, now);
  return wait === null ? null : wait === 0 ? STALE_RETRY_MS : wait;
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

/** Whole seconds left (rounded up, as a person counts them); null for codes that do not expire. */
export function secondsLeft(validUntil: number | null, now: number): number | null {
  return validUntil === null ? null : Math.max(0, Math.ceil((validUntil - now) / 1000));
}

/** Milliseconds until secondsLeft changes next (the next whole second before validUntil); null when it no longer will. */
export function msUntilSecondTick(validUntil: number | null, now: number): number | null {
  if (validUntil === null || now >= validUntil) return null;
  const rest = (validUntil - now) % 1000;
  return rest === 0 ? 1000 : rest;
}
