/**
 * Copying a code: to the clipboard, a short "Copied" on the row, and a
 * sentence for screen readers. A failure is reported, never silent.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { useAnnounce } from '../../components/Announcer';

const COPIED_FEEDBACK_MS = 1_500;

export function useCopyCode(byId: ReadonlyMap<string, AccountMeta>, onError: (message: string) => void) {
  const { t } = useTranslation('accounts');
  const announce = useAnnounce();
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = useCallback(
    async (id: string, code: string) => {
      try {
        await navigator.clipboard.writeText(code);
      } catch {
        onError(t('row.copyFailed'));
        return;
      }
      window.clearTimeout(timer.current);
      setCopiedId(id);
      timer.current = window.setTimeout(() => setCopiedId(null), COPIED_FEEDBACK_MS);
      const account = byId.get(id);
      announce(t('row.copiedAnnouncement', { account: account?.issuer || account?.name || '' }));
    },
    [byId, announce, t, onError],
  );
  return { copiedId, copy };
}
