/**
 * The current code of one account, through the app's one code scheduler
 * (renderer/codes/useCodeFeed, the same the list uses). HOTP codes are shown
 * only on request, because asking advances the counter.
 */
import { useCallback, useState } from 'react';
import type { ErrorValue } from '../../../common/errors';
import type { AccountMeta, CodeResult } from '../../../common/otp/types';
import { toErrorValue } from '../../components/error-text';
import { useCodeFeed } from '../../codes/useCodeFeed';
import { enrollApi } from './api';

export interface LiveCodeState {
  code: CodeResult | null;
  error: ErrorValue | null;
  /** HOTP only: generates the next code. */
  nextHotp(): void;
}

export function useLiveCode(account: AccountMeta): LiveCodeState {
  const [hotp, setHotp] = useState<CodeResult | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const timeBased = account.type !== 'hotp';
  const { id } = account;

  const fetch = useCallback(async () => {
    const list = await enrollApi.codes(id);
    setError(null);
    return list;
  }, [id]);
  const onError = useCallback((err: unknown) => setError(toErrorValue(err)), []);
  const { codes } = useCodeFeed({ key: timeBased ? id : '', fetch, onError });

  const nextHotp = useCallback(() => {
    enrollApi.nextHotp(id).then(
      (result) => {
        setError(null);
        setHotp(result);
      },
      (err: unknown) => setError(toErrorValue(err)),
    );
  }, [id]);

  return { code: timeBased ? (codes.get(id) ?? null) : hotp, error, nextHotp };
}
