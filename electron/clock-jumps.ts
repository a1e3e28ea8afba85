/**
 * Notices when the wall clock jumps (the person or NTP set the time, a VM was
 * paused) by comparing how far the wall clock and the monotonic clock moved
 * between two ticks. Codes depend on the wall clock, so the renderer must ask
 * again. Sleep/resume is reported separately by powerMonitor.
 */
export interface ClockJumpOptions {
  onJump: () => void;
  /** How much the two clocks may disagree per tick before it counts as a jump. */
  toleranceMs?: number;
  wallNow?: () => number;
  monotonicNow?: () => number;
}

/** Returns `tick`: call it periodically (main uses a timer; tests call it directly). */
export function clockJumpDetector({
  onJump,
  toleranceMs = 2_000,
  wallNow = Date.now,
  monotonicNow = () => performance.now(),
}: ClockJumpOptions): () => void {
  let lastWall = wallNow();
  let lastMono = monotonicNow();
  return () => {
    const wall = wallNow();
    const mono = monotonicNow();
    const drift = wall - lastWall - (mono - lastMono);
    lastWall = wall;
    lastMono = mono;
    if (Math.abs(drift) > toleranceMs) onJump();
  };
}
