/** The first screen of a new vault: three ways to add an account. */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

export interface AddActions {
  onScan(): void;
  onGuided(): void;
  onAddManually(): void;
}

export function EmptyState({ onScan, onGuided, onAddManually }: AddActions) {
  const { t } = useTranslation('accounts');
  return (
    <section className="empty" aria-labelledby="empty-title">
      <div className="empty-art" aria-hidden="true">
        <Icon name="shield" />
      </div>
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p className="muted">{t('empty.body')}</p>
      <div className="empty-actions">
        <button type="button" className="btn btn-primary btn-large" onClick={onScan}>
          <Icon name="qr" /> {t('actions.scan', { ns: 'common' })}
        </button>
        <button type="button" className="btn btn-large" onClick={onGuided}>
          <Icon name="shield" /> {t('actions.guided', { ns: 'common' })}
        </button>
        <button type="button" className="btn btn-large" onClick={onAddManually}>
          <Icon name="key" /> {t('actions.addManually', { ns: 'common' })}
        </button>
      </div>
    </section>
  );
}
