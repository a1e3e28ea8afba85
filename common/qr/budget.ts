/**
 * The escalation's time budget. The clock is injectable so tests can drive
 * it without sleeping; the decoder itself uses performance.now().
 */
export interface Budget {
  /** Milliseconds left (<= 0: stop starting new work). Reads the clock once. */
  left(): number;
}

export function createBudget(ms: number, now: () => number = () => performance.now()): Budget {
  const deadline = now() + ms;
  return { left: () => deadline - now() };
}
