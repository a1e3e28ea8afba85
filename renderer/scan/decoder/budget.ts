/**
 * The escalation's time budget. The clock is injectable so tests can drive
 * it without sleeping; the decoder itself uses performance.now().
 */
export interface Budget {
  /** True once the budget is used up: stop starting new work. */
  spent(): boolean;
}

export function createBudget(ms: number, now: () => number = () => performance.now()): Budget {
  const deadline = now() + ms;
  return { spent: () => now() >= deadline };
}
