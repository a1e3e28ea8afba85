/**
 * The desktop notices main reports (app.desktopStatus): a global shortcut that
 * could not be registered, and the clock check (skewed: how to fix the OS
 * clock, and the offer to shift codes by the measured offset; applied: said
 * clearly; offline: said, nothing blocked).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopStatus } from '../../../common/desktop';
import { bridge, unwrap } from '../../api';
import { Banner } from '../../components/Banner';
import { clockFixKey, formatOffset } from './clock-advice';
import './desktop.css';

export function DesktopStatusBanner() {
  const { t } = useTranslation('desktop');
  const [status, setStatus] = useState<DesktopStatus | null>(null);
  const [platform, setPlatform] = useState('linux');
  const [dismissed, setDismissed] = useState<string | null>(null);
  // State is settled in the promise's callbacks, never synchronously in the effect.
  const reload = useCallback(() => unwrap(bridge().app.desktopStatus()).then(setStatus, () => setStatus(null)), []);
  useEffect(() => {
    void reload();
    void unwrap(bridge().app.info()).then(
      (info) => setPlatform(info.platform),
      () => undefined,
    );
    const offStatus = bridge().events.onDesktopStatusChanged(() => void reload());
    const offSettings = bridge().events.onSettingsChanged(() => void reload());
    return () => {
      offStatus();
      offSettings();
    };
  }, [reload]);
  if (!status) return null;

  const { shortcut, clock } = status;
  const notices: { key: string; node: ReactNode }[] = [];
  if (shortcut.problem === 'taken' || shortcut.problem === 'invalid') {
    notices.push({
      key: `shortcut-${shortcut.accelerator}`,
      node: <p>{t(`shortcut.${shortcut.problem}`, { accelerator: shortcut.accelerator })}</p>,
    });
  }
  const offset = clock.offsetMs === null ? '' : formatOffset(clock.offsetMs);
  if (clock.applied) {
    notices.push({ key: 'clock-applied', node: <p>{t('clock.applied', { offset, server: clock.server })}</p> });
  } else if (clock.state === 'skewed') {
    notices.push({
      key: `clock-${clock.checkedAt}`,
      node: (
        <>
          <p>{t('clock.skewed', { offset, server: clock.server })}</p>
          <p>{t(`clock.fix.${clockFixKey(platform)}`)}</p>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void unwrap(bridge().settings.set({ applyClockOffset: true })).then(reload)}
          >
            {t('clock.apply')}
          </button>
        </>
      ),
    });
  } else if (clock.state === 'offline') {
    notices.push({
      key: `clock-offline-${clock.checkedAt}`,
      node: <p>{t('clock.offline', { server: clock.server })}</p>,
    });
  }
  const visible = notices.filter((n) => n.key !== dismissed);
  if (visible.length === 0) return null;
  return (
    <div className="desktop-status">
      {visible.map((n) => (
        <Banner
          key={n.key}
          tone="warning"
          label={t('label')}
          onDismiss={() => setDismissed(n.key)}
          dismissLabel={t('dismiss')}
        >
          {n.node}
        </Banner>
      ))}
    </div>
  );
}
