/** Step 4: the new account's live code, large, to type into the portal; then "did it work?". */
import { useTranslation } from 'react-i18next';
import { GuidedStep } from './GuidedStep';
import type { AccountMeta } from '../../../../common/otp/types';
import { accountTitle } from '../AccountSummary';
import { LiveCode } from '../LiveCode';
// The list's warning rule: with fewer seconds left, typing the code in time is a gamble, so we say to wait.
import { WARN_SECONDS } from '../../../codes/schedule';

interface Props {
  account: AccountMeta;
  onAccepted(): void;
  onRejected(): void;
}

export function StepCode({ account, onAccepted, onRejected }: Props) {
  const { t } = useTranslation('enroll');
  return (
    <GuidedStep
      title={t('guided.code.title')}
      actions={
        <>
          <button type="button" className="enroll-primary" onClick={onAccepted} data-testid="guided-yes">
            {t('guided.code.yes')}
          </button>
          <button type="button" className="enroll-secondary" onClick={onRejected} data-testid="guided-no">
            {t('guided.code.no')}
          </button>
        </>
      }
    >
      <p className="enroll-account-title" data-testid="enroll-saved-title">
        {accountTitle(account, t('unnamed'))}
      </p>
      <div className="enroll-code-large">
        <LiveCode account={account} warnBelowSeconds={WARN_SECONDS} />
      </div>
      <p className="enroll-instruction">{t('guided.code.typeIt')}</p>
      <p className="enroll-question">{t('guided.code.accepted')}</p>
    </GuidedStep>
  );
}
