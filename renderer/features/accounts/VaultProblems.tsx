/**
 * Vault drift (a keychain item without an account, an account without its
 * key) shown as a banner with one repair button per problem. Nothing is
 * repaired without the user asking.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultProblem } from '../../../common/ipc/contract';
import { bridge, unwrap } from '../../api';
import { Banner } from '../../components/Banner';
import { errorMessage } from '../../components/error-text';

export function VaultProblems({ onRepaired }: { onRepaired(): void }) {
  const { t } = useTranslation('accounts');
  const [problems, setProblems] = useState<VaultProblem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const check = useCallback(
    () =>
      unwrap(bridge().vault.status()).then(
        (status) => setProblems(status.problems),
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

  if (problems.length === 0 && !error) return null;
  return (
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
      {error && <p className="field-error">{error}</p>}
    </Banner>
  );
}
