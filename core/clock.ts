/** The clock, injected everywhere so tests set time instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still at `ms` until moved: for tests and `authdesk code --at`. */
export function fixedClock(ms: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let t = ms;
  return { now: () => t, set: (v) => void (t = v), advance: (d) => void (t += d) };
}
