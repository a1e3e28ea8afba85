/** The settings menu's About entry: the version and the commit this build was made from (what testers report). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../common/ipc/contract';
import { bridge, unwrap } from '../api';

export function AboutSection() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(bridge().app.info()).then(
      (value) => live && setInfo(value),
      () => undefined, // the menu still works without it
    );
    return () => void (live = false);
  }, []);
  if (!info) return null;
  return (
    <section className="menu-about" aria-label={t('settings.about')}>
      <h2 className="field-label">{t('settings.about')}</h2>
      <p>
        {t('appName')} · {t('settings.version', { version: info.version })}
      </p>
      <p className="muted">{t('settings.commit', { commit: info.commit })}</p>
    </section>
  );
}
