/**
 * Vault drift (a keychain item without an account, an account without its
 * key) shown as a banner with one repair button per problem. Nothing is
 * repaired without the user asking.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryNotice, VaultProblem } from '../../../common/ipc/contract';
import { bridge, unwrap } from '../../api';
import { Banner } from '../../components/Banner';
import { errorMessage } from '../../components/error-text';
import { RecoveredNotice } from './RecoveredNotice';

export function VaultProblems({ onRepaired }: { onRepaired(): void }) {
  const { t } = useTranslation('accounts');
  const [problems, setProblems] = useState<VaultProblem[]>([]);
  const [recovered, setRecovered] = useState<RecoveryNotice | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = useCallback(
    () =>
      unwrap(bridge().vault.status()).then(
        (status) => {
          setProblems(status.problems);
          setRecovered(status.recovered);
        },
        (err: unknown) => setError(errorMessage(err)),
      ),
    [],
  );

  useEffect(() => {
    void check();
    return bridge().events.onAccountsChanged(() => void check());
  }, [check]);

  const repair = async (problem: VaultProblem) => {
    const action = problem.kind === 'orphan-secret' ? 'restore' : 'forget';
    try {
      await unwrap(bridge().vault.repair({ id: problem.id, action }));
      setError(null);
      await check();
      onRepaired();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  /** Every orphan keychain item back at once (the account list was lost). */
  const restoreAll = async () => {
    try {
      await unwrap(bridge().vault.restoreAll());
      setError(null);
      await check();
      onRepaired();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const acknowledge = async () => {
    try {
      await unwrap(bridge().vault.acknowledge());
      setRecovered(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const orphans = problems.filter((p) => p.kind === 'orphan-secret').length;
  const notice = recovered && <RecoveredNotice notice={recovered} onAcknowledge={() => void acknowledge()} />;
  if (problems.length === 0 && !error) return notice || null;
  return (
    <>
      {notice}
      <Banner tone="warning" label={t('vault.title')}>
        <strong>{t('vault.title')}</strong>
        <ul className="problems">
          {problems.map((p) => (
            <li key={`${p.kind}:${p.id}`}>
              <span>{t(p.kind === 'orphan-secret' ? 'vault.orphan' : 'vault.missing', { label: p.label })}</span>
              <button type="button" className="btn btn-small" onClick={() => void repair(p)}>
                {t(p.kind === 'orphan-secret' ? 'vault.restore' : 'vault.forget')}
              </button>
            </li>
          ))}
        </ul>
        {orphans > 1 && (
          <button type="button" className="btn btn-small" onClick={() => void restoreAll()}>
            {t('vault.restoreAll', { count: orphans })}
          </button>
        )}
        {error && <p className="field-error">{error}</p>}
      </Banner>
    </>
  );
}
