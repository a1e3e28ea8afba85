/**
 * Codes for the time-based accounts. Main is asked only when something can
 * have changed: at the earliest period boundary among the codes shown, when
 * the account list changes, when main reports a clock jump or wake-up, and
 * when the window becomes visible again. Never on a per-second tick: the
 * countdown animates in CSS.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeResult } from '../../../common/otp/types';
import { bridge, unwrap } from '../../api';
import { errorMessage } from '../../components/error-message';
import { msUntilNextBoundary, rollForward } from './schedule';

/** If main's codes are already expired by our clock (clocks disagree), wait this long rather than spin. */
const RETRY_WHEN_STALE_MS = 1_000;

export type CodeMap = ReadonlyMap<string, CodeResult>;

export interface LiveCodes {
  codes: CodeMap;
  /**
   * Bumped when the wall clock may have jumped (wake-up, clock change, window shown again):
   * countdown animations restart then, re-aligned with the clock.
   */
  epoch: number;
}

export function useCodes(timeBasedKey: string, onError: (message: string) => void): LiveCodes {
  const [codes, setCodes] = useState<CodeMap>(new Map());
  const [epoch, setEpoch] = useState(0);
  const generation = useRef(0);
  // Read at call time, so a caller passing a new function each render does not restart the fetching.
  const reportError = useRef(onError);
  reportError.current = onError;

  const fetchCodes = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const list = await unwrap(bridge().codes.current({}));
      if (mine === generation.current) setCodes(new Map(list.map((c) => [c.id, c])));
    } catch (err) {
      if (mine === generation.current) reportError.current(errorMessage(err));
    }
  }, []);

  // The set of time-based accounts changed (added, removed, loaded): fetch.
  useEffect(() => {
    if (timeBasedKey === '') {
      generation.current++;
      setCodes(new Map());
      return;
    }
    void fetchCodes();
  }, [timeBasedKey, fetchCodes]);

  useEffect(() => {
    const resync = () => {
      setEpoch((e) => e + 1);
      void fetchCodes();
    };
    const offClock = bridge().events.onClockChanged(resync);
    const onVisible = () => {
      if (document.visibilityState === 'visible') resync();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offClock();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [fetchCodes]);

  // One timer, set to the earliest boundary among the codes we hold.
  useEffect(() => {
    const wait = msUntilNextBoundary(codes.values(), Date.now());
    if (wait === null) return;
    const timer = window.setTimeout(
      () => {
        const now = Date.now();
        // Show the already-known next codes in the same frame, then ask main for the new "next".
        setCodes((prev) => new Map([...prev].map(([id, c]) => [id, rollForward(c, now)])));
        void fetchCodes();
      },
      wait === 0 ? RETRY_WHEN_STALE_MS : wait,
    );
    return () => window.clearTimeout(timer);
  }, [codes, fetchCodes]);

  return { codes, epoch };
}
