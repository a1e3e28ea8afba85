/**
 * Hand-over between the app-wide paste/drop listener (EnrollAnywhere) and the
 * enrollment screen. A paste anywhere starts its work at once (a pasted link
 * goes to main and is dropped right there); the screen that opens next picks
 * up the pending work. While an EnrollEntry is open it handles input itself.
 */
import type { Findings } from './findings';
import type { Source } from './sources';

export interface PendingWork {
  source: Source;
  work: Promise<Findings>;
}

let pending: PendingWork | null = null;
let openEntries = 0;

export function handOver(work: PendingWork): void {
  pending = work;
}

export function takePending(): PendingWork | null {
  const taken = pending;
  pending = null;
  return taken;
}

/** Counts mounted EnrollEntry screens; returns the matching "closed" call. */
export function entryOpened(): () => void {
  openEntries++;
  return () => {
    openEntries--;
  };
}

export function isEntryOpen(): boolean {
  return openEntries > 0;
}
