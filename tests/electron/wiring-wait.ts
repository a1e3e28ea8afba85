/**
 * How long the main-process tests wait (vi.waitFor) for start-up and IPC round trips
 * through the real wiring: a loaded machine may need more than vi.waitFor's default 1 s.
 */
export const WAIT = { timeout: 10_000 };
