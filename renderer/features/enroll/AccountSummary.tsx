/** How an account (or an unsaved preview) is described to a person: names and code parameters, never the secret. */
import { useTranslation } from 'react-i18next';
import type { AccountPreview } from '../../../common/otp/types';

export function accountTitle(account: Pick<AccountPreview, 'issuer' | 'name'>, unnamed: string): string {
  const parts = [account.issuer.trim(), account.name.trim()].filter(Boolean);
  return parts.length > 0 ? parts.join(' – ') : unnamed;
}

/** Type, digits, period/counter, algorithm as a definition list. */
export function AccountParams({ account }: { account: AccountPreview }) {
  const { t } = useTranslation('enroll');
  return (
    <dl className="enroll-params">
      <dt>{t('params.type')}</dt>
      <dd data-testid="enroll-param-type">{t(`params.types.${account.type}`)}</dd>
      <dt>{t('params.digits')}</dt>
      <dd data-testid="enroll-param-digits">{account.digits}</dd>
      {account.type === 'hotp' ? (
        <>
          <dt>{t('params.counter')}</dt>
          <dd data-testid="enroll-param-counter">{account.counter}</dd>
        </>
      ) : (
        <>
          <dt>{t('params.period')}</dt>
          <dd data-testid="enroll-param-period">{t('params.periodValue', { count: account.period })}</dd>
        </>
      )}
      <dt>{t('params.algorithm')}</dt>
      <dd>{account.algorithm}</dd>
    </dl>
  );
}
