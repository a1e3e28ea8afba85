/**
 * An account's live code in large digits with the seconds left. The data-*
 * attributes carry the raw code and its validity window so a test can check
 * it against an independent HMAC for exactly that time step.
 */
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { formatCode } from '../../../common/otp/format-code';
import { useErrorText } from '../../components/error-text';
import { useSecondsLeft } from '../../codes/useSecondsLeft';
import { useLiveCode } from './useLiveCode';

interface Props {
  account: AccountMeta;
  /** Below this many seconds left, say that a new code is coming (guided set-up: 5). */
  warnBelowSeconds?: number;
  now?: () => number;
}

export function LiveCode({ account, warnBelowSeconds, now = Date.now }: Props) {
  const { t } = useTranslation('enroll');
  const errorText = useErrorText();
  const { code, error, nextHotp } = useLiveCode(account);
  // Re-renders when the whole number of seconds changes, derived from validUntil and the clock (renderer/codes).
  const secondsLeft = useSecondsLeft(code?.validUntil ?? null, now);

  if (error)
    return (
      <p role="alert" className="enroll-error">
        {errorText(error)}
      </p>
    );
  if (account.type === 'hotp' && !code) {
    return (
      <button type="button" className="enroll-secondary" onClick={nextHotp}>
        {t('code.showHotp')}
      </button>
    );
  }
  if (!code) return <p className="enroll-muted">{t('code.loading')}</p>;

  const soon = warnBelowSeconds !== undefined && secondsLeft !== null && secondsLeft < warnBelowSeconds;
  return (
    <div className="enroll-live-code">
      <output
        className={`enroll-code${soon ? ' enroll-code-soon' : ''}`}
        data-testid="enroll-code"
        data-code={code.code}
        data-valid-from={code.validFrom ?? ''}
        data-valid-until={code.validUntil ?? ''}
        aria-label={t('code.label', { code: code.code.split('').join(' ') })}
      >
        {/* Grouped as in the list and the CLI; the raw code stays in data-code. */}
        {formatCode(code.code, account.type)}
      </output>
      {secondsLeft !== null && (
        <p className="enroll-seconds" data-testid="enroll-seconds-left">
          {t('code.secondsLeft', { count: secondsLeft })}
        </p>
      )}
      {soon && (
        <p className="enroll-warning" role="status">
          {t('code.waitForNext')}
        </p>
      )}
      {account.type === 'hotp' && (
        <button type="button" className="enroll-secondary" onClick={nextHotp}>
          {t('code.nextHotp')}
        </button>
      )}
    </div>
  );
}
