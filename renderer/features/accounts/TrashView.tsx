/**
 * Recently deleted accounts (kept 30 days, secret included): name, the day
 * it was deleted, the days it has left, and Restore. A restore that fails
 * says so on the account's own row, in one sentence naming the account.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashEntry } from '../../../common/ipc/contract';
import { ApiError, bridge, unwrap } from '../../api';
import { useAnnounce } from '../../components/Announcer';
import { Banner } from '../../components/Banner';
import { errorMessage } from '../../components/error-text';
import { Icon } from '../../components/Icon';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Props {
  onClose(): void;
  /** Injected by tests; the real clock otherwise. */
  now?: () => number;
}

export function TrashView({ onClose, now = Date.now }: Props) {
  const { t, i18n } = useTranslation('accounts', { keyPrefix: 'trashView' });
  const { t: common } = useTranslation('common');
  const announce = useAnnounce();
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(
    () =>
      unwrap(bridge().vault.trash()).then(
        (list) => {
          setEntries(list);
          setLoadError(null);
        },
        (err: unknown) => setLoadError(errorMessage(err)),
      ),
    [],
  );
  useEffect(() => {
    void load();
    return bridge().events.onAccountsChanged(() => void load());
  }, [load]);

  const label = (e: TrashEntry) => (e.issuer && e.name ? `${e.issuer} (${e.name})` : e.issuer || e.name);

  const restore = async (entry: TrashEntry) => {
    setBusy(entry.id);
    try {
      await unwrap(bridge().vault.undelete({ id: entry.id }));
      setEntries((list) => list?.filter((e) => e.id !== entry.id) ?? null);
      setRowErrors(({ [entry.id]: _gone, ...rest }) => rest);
      announce(t('restored', { account: label(entry) }));
    } catch (err) {
      const unreadable = err instanceof ApiError && err.code === 'keychain-bad-item';
      setRowErrors((all) => ({
        ...all,
        [entry.id]: unreadable ? t('unreadable', { account: label(entry) }) : errorMessage(err),
      }));
    } finally {
      setBusy(null);
    }
  };

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const daysLeft = (e: TrashEntry) => Math.max(0, Math.ceil((e.purgeAt - now()) / DAY_MS));

  return (
    <section
      className="trash-view"
      aria-labelledby="trash-title"
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}
    >
      <div className="view-head">
        <button type="button" className="icon-btn" onClick={onClose} aria-label={common('back')} title={common('back')}>
          <Icon name="back" />
        </button>
        <h2 id="trash-title">{t('title')}</h2>
      </div>
      <p className="muted">{t('intro')}</p>
      {loadError && <Banner tone="error">{loadError}</Banner>}
      {entries === null && !loadError && <p className="muted loading">{t('loading')}</p>}
      {entries?.length === 0 && <p className="muted trash-empty">{t('empty')}</p>}
      {!!entries?.length && (
        <ul className="trash-list" aria-label={t('title')}>
          {entries.map((e) => (
            <li key={e.id} className="trash-row" data-trash-id={e.id}>
              <span className="trash-who">
                <span className="issuer">{e.issuer || e.name}</span>
                {e.issuer && e.name && <span className="name">{e.name}</span>}
              </span>
              <span className="trash-when">
                {t('deleted', { date: date.format(e.deletedAt) })}
                <br />
                {t('daysLeft', { count: daysLeft(e) })}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy !== null}
                aria-label={t('restoreAccount', { account: label(e) })}
                onClick={() => void restore(e)}
              >
                {t('restore')}
              </button>
              {rowErrors[e.id] && (
                <p className="field-error trash-error" role="alert">
                  {rowErrors[e.id]}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
