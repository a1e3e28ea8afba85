/** The ticks of an import preview and the Import button's call: all or nothing in main. */
import { useCallback, useState } from 'react';
import type { ErrorValue } from '../../../common/errors';
import type { AccountMeta } from '../../../common/otp/types';
import type { ImportPreviewView } from '../../../common/transfer-import';
import { toErrorValue } from '../../components/error-text';
import { importApi } from './api';
import { defaultInclude } from './ImportPreviewList';

export type CommitState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; added: AccountMeta[] } | { kind: 'failed'; error: ErrorValue };

export function useImportCommit(token: string, preview: ImportPreviewView) {
  const [include, setInclude] = useState(() => defaultInclude(preview));
  const [state, setState] = useState<CommitState>({ kind: 'idle' });
  // A new preview (another transfer part scanned, a retried file) starts from main's defaults again
  // (adjusted while rendering, React's pattern for state that follows a prop).
  const [shown, setShown] = useState(preview);
  if (shown !== preview) {
    setShown(preview);
    setInclude(defaultInclude(preview));
  }

  const toggle = useCallback((index: number, on: boolean) => {
    setInclude((prev) => {
      const next = new Set(prev);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });
  }, []);

  const commit = useCallback(() => {
    setState({ kind: 'busy' });
    importApi
      .commit(
        token,
        [...include].sort((a, b) => a - b),
      )
      .then((added) => setState({ kind: 'done', added }))
      // Nothing was written (all or nothing): the preview stays and Import can be pressed again.
      .catch((err: unknown) => setState({ kind: 'failed', error: toErrorValue(err) }));
  }, [token, include]);

  return { include, toggle, commit, state };
}
