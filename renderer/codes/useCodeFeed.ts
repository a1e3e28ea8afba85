/**
 * Live codes from main, for any view: the account list (every time-based
 * account) and enrollment (the one just saved) use this one scheduler. Main
 * is asked only when something can have changed: when `key` changes, at the
 * earliest period boundary among the codes held (see schedule.ts), when main
 * reports a clock jump or wake-up, when the window becomes visible again and
 * when the view is shown again. Never on a per-second tick: countdowns animate
 * in CSS and are re-derived from the clock whenever `epoch` changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeResult } from '../../common/otp/types';
import { bridge } from '../api';
import { useLatest } from '../components/useLatest';
import { refreshDelay, rollForward } from './schedule';

export type CodeMap = ReadonlyMap<string, CodeResult>;

export interface LiveCodes {
  codes: CodeMap;
  /**
   * Bumped when the wall clock may have jumped or the countdowns were not on screen
   * (wake-up, clock change, window or view shown again): countdowns are derived again
   * from validFrom/validUntil and the clock then.
   */
  epoch: number;
}

const NO_CODES: CodeMap = new Map();

export interface CodeFeedOptions {
  /** What is fetched; a new value fetches again, '' means nothing to fetch (no codes). */
  key: string;
  fetch(): Promise<readonly CodeResult[]>;
  onError(err: unknown): void;
  /** The view showing these codes is on screen (a hidden view's CSS animations stop; they restart when shown). */
  visible?: boolean;
}

export function useCodeFeed({ key, fetch, onError, visible = true }: CodeFeedOptions): LiveCodes {
  const [codes, setCodes] = useState<CodeMap>(new Map());
  const [epoch, setEpoch] = useState(0);
  const generation = useRef(0);
  // Read at call time, so callers passing new functions each render do not restart the fetching.
  const fetchRef = useLatest(fetch);
  const errorRef = useLatest(onError);

  const fetchCodes = useCallback((): Promise<void> => {
    const mine = ++generation.current;
    return fetchRef.current().then(
      (list) => {
        if (mine === generation.current) setCodes(new Map(list.map((c) => [c.id, c])));
      },
      (err: unknown) => {
        if (mine === generation.current) errorRef.current(err);
      },
    );
  }, [fetchRef, errorRef]);

  useEffect(() => {
    if (key === '')
      generation.current++; // an answer still on its way is for codes no longer shown
    else void fetchCodes();
  }, [key, fetchCodes]);

  const resync = useCallback(() => {
    setEpoch((e) => e + 1);
    void fetchCodes();
  }, [fetchCodes]);

  useEffect(() => {
    const offClock = bridge().events.onClockChanged(resync);
    const onVisible = () => {
      if (document.visibilityState === 'visible') resync();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offClock();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [resync]);

  // The view shown again (it stayed mounted while hidden): derive the countdowns again.
  const wasVisible = useRef(visible);
  useEffect(() => {
    if (visible && !wasVisible.current) resync();
    wasVisible.current = visible;
  }, [visible, resync]);

  // One timer, set to the earliest boundary among the codes held.
  useEffect(() => {
    const wait = refreshDelay(codes.values(), Date.now());
    if (wait === null) return;
    const timer = window.setTimeout(() => {
      const now = Date.now();
      // Show the already-known next codes in the same frame, then ask main for the new "next".
      setCodes((prev) => new Map([...prev].map(([id, c]) => [id, rollForward(c, now)])));
      void fetchCodes();
    }, wait);
    return () => window.clearTimeout(timer);
  }, [codes, fetchCodes]);

  return { codes: key === '' ? NO_CODES : codes, epoch };
}
