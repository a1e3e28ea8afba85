/**
 * The current code of one account, fetched from main (codes.current) and
 * fetched again when its period ends. HOTP codes are shown only on request,
 * because asking advances the counter.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ErrorValue } from '../../../common/errors';
import type { AccountMeta, CodeResult } from '../../../common/otp/types';
import { enrollApi } from './api';
import { toErrorValue } from './findings';

/** If main's code is already expired by our clock, wait this long before asking again rather than spin. */
const STALE_RETRY_MS = 1_000;

export interface LiveCodeState {
  code: CodeResult | null;
  error: ErrorValue | null;
  /** HOTP only: generates the next code. */
  nextHotp(): void;
}

export function useLiveCode(account: AccountMeta, now: () => number = Date.now): LiveCodeState {
  const [code, setCode] = useState<CodeResult | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const timeBased = account.type !== 'hotp';

  useEffect(() => {
    if (!timeBased) return;
    let live = true;
    let timer: number | undefined;
    const fetchCode = () => {
      enrollApi.codes(account.id).then(
        ([result]) => {
          if (!live) return;
          setError(null);
          setCode(result ?? null);
          const wait = result?.validUntil != null ? result.validUntil - now() : null;
          if (wait !== null) timer = window.setTimeout(fetchCode, wait > 0 ? wait : STALE_RETRY_MS);
        },
        (err: unknown) => live && setError(toErrorValue(err)),
      );
    };
    fetchCode();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [account.id, timeBased, now]);

  const nextHotp = useCallback(() => {
    enrollApi.nextHotp(account.id).then(
      (result) => {
        setError(null);
        setCode(result);
      },
      (err: unknown) => setError(toErrorValue(err)),
    );
  }, [account.id]);

  return { code, error, nextHotp };
}
