/**
 * Copying a code: main writes it to the clipboard (codes.copy: concealed,
 * cleared later; the page has no clipboard permission), a short "Copied" on
 * the row, and a sentence for screen readers. A failure is reported, never
 * silent.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { bridge, unwrap } from '../../api';
import { useAnnounce } from '../../components/Announcer';
import { errorMessage, toErrorValue } from '../../components/error-text';

const COPIED_FEEDBACK_MS = 1_500;

export function useCopyCode(byId: ReadonlyMap<string, AccountMeta>, onError: (message: string) => void) {
  const { t } = useTranslation('accounts');
  const announce = useAnnounce();
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = useCallback(
    async (id: string, _code: string) => {
      try {
        await unwrap(bridge().codes.copy({ id }));
      } catch (err) {
        onError(toErrorValue(err).code === 'internal' ? t('row.copyFailed') : errorMessage(err));
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
