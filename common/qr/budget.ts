/**
 * The escalation's budget, counted in WORK, not time, so one image gives one
 * answer on any machine, idle or busy: the same steps run in the same order
 * until the same amount of work is spent.
 *
 * One unit of work = one pixel handed to a plain zxing pass; dearer passes
 * (a filter first, jsQR) count a multiple per pixel (COST in escalation.ts).
 * A plain pass over a 1920x1080 screen is about 2 million units.
 *
 * A wall-clock ceiling remains, only as a safety stop on a very slow or
 * overloaded machine: it is generous (several times what the work takes on
 * an ordinary laptop), and when it stops the escalation the result says so,
 * because only then can the answer differ from one run to the next.
 */
export interface WorkBudget {
  /** Units of work the escalation may spend after the plain pass. */
  work: number;
  /** Safety stop in milliseconds (wall clock, from the start of the escalation). */
  ceilingMs: number;
}

/**
 * The budgets Authdesk uses. The screen budget is about what the former
 * "1 s" budget allowed on an idle laptop (it priced each step from the
 * plain pass's speed, which made it 40-70 M units idle and a fraction of
 * that on a busy machine). Real time per unit depends on the machine and
 * its load; bench/qr.bench.ts prints the current rate.
 * - screen: a screen scan or a dropped picture;
 * - camera: one live frame (the next is 250 ms away): a seventh of that;
 * - file:   `authdesk decode-qr` / `add --image`, where a person waits on one
 *           file and would rather wait a few seconds than be told "no QR
 *           code": four times the screen's.
 */
export const BUDGETS = {
  screen: { work: 40_000_000, ceilingMs: 8_000 },
  camera: { work: 6_000_000, ceilingMs: 1_000 },
  file: { work: 160_000_000, ceilingMs: 30_000 },
} as const satisfies Record<string, WorkBudget>;

export interface Budget {
  /** Work units left (<= 0: stop starting new work). */
  workLeft(): number;
  /** Counts a step's work (its estimate, so the count is the same on every machine). */
  spend(work: number): void;
  /** Work spent so far. */
  spent(): number;
  /** True once the wall-clock ceiling has passed. Reads the clock once. */
  pastCeiling(): boolean;
}

export function createBudget(budget: WorkBudget, now: () => number = () => performance.now()): Budget {
  const deadline = now() + budget.ceilingMs;
  let spent = 0;
  return {
    workLeft: () => budget.work - spent,
    spend: (work) => {
      spent += work;
    },
    spent: () => spent,
    pastCeiling: () => now() >= deadline,
  };
}
