/**
 * Asks main once, at start, whether a newer release exists. Main answers
 * "off" unless the user opted in and the admin policy allows it, so this
 * costs nothing by default. It only tells and links to the download page.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateCheckResult } from '../../common/ipc/contract';
import { bridge, unwrap } from '../api';
import { Banner } from './Banner';

type Newer = Extract<UpdateCheckResult, { status: 'newer' }>;

export function UpdateNotice() {
  const { t } = useTranslation();
  const [newer, setNewer] = useState<Newer | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(bridge().app.checkUpdate()).then(
      (result) => live && result.status === 'newer' && setNewer(result),
      () => undefined, // a failed check is not worth interrupting anyone for
    );
    return () => void (live = false);
  }, []);
  if (!newer) return null;
  return (
    <Banner tone="warning" label={t('update.label')} onDismiss={() => setNewer(null)} dismissLabel={t('dismiss')}>
      <p>{t('update.available', { latest: newer.latest, current: newer.current })}</p>
      <button type="button" className="btn btn-ghost" onClick={() => void bridge().app.openDownload()}>
        {t('update.download')}
      </button>
    </Banner>
  );
}
