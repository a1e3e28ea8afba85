/**
 * The portal refused the code: the three usual causes, in the order worth
 * trying. A wrong clock is by far the most common, so the computer's time is
 * shown right there.
 */
import { useTranslation } from 'react-i18next';
import { GuidedStep } from './GuidedStep';
import type { ErrorValue } from '../../../../common/errors';
import { useErrorText } from '../../../components/error-text';
import { useNow } from '../useNow';
import { uiLocale } from '../../../components/language';

interface Props {
  busy: boolean;
  error: ErrorValue | null;
  onBackToCode(): void;
  onRescan(): void;
  onStartOver(): void;
}

export function NotAccepted({ busy, error, onBackToCode, onRescan, onStartOver }: Props) {
  const { t, i18n } = useTranslation('enroll');
  const errorText = useErrorText();
  const now = useNow(1000);
  const time = new Date(now).toLocaleTimeString(uiLocale(i18n.language), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (
    <GuidedStep title={t('guided.help.title')} alert={error && errorText(error)}>
      <section className="enroll-help" aria-labelledby="guided-help-clock">
        <h3 id="guided-help-clock">{t('guided.help.clockTitle')}</h3>
        <p>
          {t('guided.help.clockNow')} <time data-testid="guided-local-time">{time}</time>
        </p>
        <p>{t('guided.help.clockBody')}</p>
        <button type="button" className="enroll-secondary" onClick={onBackToCode}>
          {t('guided.help.tryNewCode')}
        </button>
      </section>
      <section className="enroll-help" aria-labelledby="guided-help-rescan">
        <h3 id="guided-help-rescan">{t('guided.help.rescanTitle')}</h3>
        <p>{t('guided.help.rescanBody')}</p>
        <button
          type="button"
          className="enroll-secondary"
          onClick={onRescan}
          disabled={busy}
          data-testid="guided-rescan"
        >
          {t('guided.help.rescan')}
        </button>
      </section>
      <section className="enroll-help" aria-labelledby="guided-help-over">
        <h3 id="guided-help-over">{t('guided.help.overTitle')}</h3>
        <p>{t('guided.help.overBody')}</p>
        <button
          type="button"
          className="enroll-secondary"
          onClick={onStartOver}
          disabled={busy}
          data-testid="guided-start-over"
        >
          {t('guided.help.startOver')}
        </button>
      </section>
    </GuidedStep>
  );
}
