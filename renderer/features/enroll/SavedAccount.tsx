/** After Save: the new account and its live code, so the person can use it straight away. */
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { accountTitle } from './AccountSummary';
import { LiveCode } from './LiveCode';
import { useFocusOnMount } from './useFocusOnMount';

interface Props {
  account: AccountMeta;
  onDone(): void;
  onAnother(): void;
}

export function SavedAccount({ account, onDone, onAnother }: Props) {
  const { t } = useTranslation('enroll');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="enroll-card" data-testid="enroll-saved" data-account-id={account.id}>
      <h2 ref={heading} tabIndex={-1}>
        {t('saved.title')}
      </h2>
      <p className="enroll-account-title" data-testid="enroll-saved-title">
        {accountTitle(account, t('unnamed'))}
      </p>
      <LiveCode account={account} />
      <div className="enroll-actions">
        <button type="button" className="enroll-primary" onClick={onDone}>
          {t('saved.done')}
        </button>
        <button type="button" className="enroll-secondary" onClick={onAnother}>
          {t('saved.another')}
        </button>
      </div>
    </section>
  );
}
