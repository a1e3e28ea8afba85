/**
 * Codes for the list's time-based accounts, through the app's one code
 * scheduler (renderer/codes/useCodeFeed): fetched when the set of accounts
 * changes, at period boundaries, on clock jumps and when shown again.
 */
import { useCallback } from 'react';
import { bridge, unwrap } from '../../api';
import { useCodeFeed, type CodeMap, type LiveCodes } from '../../codes/useCodeFeed';

export type { CodeMap, LiveCodes };

export function useCodes(timeBasedKey: string, onError: (err: unknown) => void, visible = true): LiveCodes {
  const fetch = useCallback(() => unwrap(bridge().codes.current({})), []);
  return useCodeFeed({ key: timeBasedKey, fetch, onError, visible });
}
