/** "Add manually / paste link": two tabs, and a way over to scanning instead. */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { Icon } from '../../components/Icon';
import { ManualForm } from './ManualForm';
import { PasteLinkForm } from './PasteLinkForm';

type Tab = 'link' | 'manual';
const tabs: Tab[] = ['link', 'manual'];

interface Props {
  onAdded(account: AccountMeta): void;
  onCancel(): void;
  onScan(): void;
}

export function AddAccountView({ onAdded, onCancel, onScan }: Props) {
  const { t } = useTranslation('add-account');
  const [tab, setTab] = useState<Tab>('link');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ link: null, manual: null });

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="add-view" aria-labelledby="add-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="view-head">
        <button
          type="button"
          className="icon-btn"
          onClick={onCancel}
          aria-label={t('back', { ns: 'common' })}
          title={t('back', { ns: 'common' })}
        >
          <Icon name="back" />
        </button>
        <h2 id="add-title">{t('title')}</h2>
      </div>
      <div className="tabs" role="tablist" aria-label={t('howLabel')} onKeyDown={onTabKey}>
        {tabs.map((name) => (
          <button
            key={name}
            ref={(el) => void (tabRefs.current[name] = el)}
            type="button"
            role="tab"
            id={`add-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`add-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
          >
            <Icon name={name === 'link' ? 'link' : 'key'} /> {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`add-panel-${tab}`} aria-labelledby={`add-tab-${tab}`}>
        {tab === 'link' ? <PasteLinkForm onAdded={onAdded} /> : <ManualForm onAdded={onAdded} />}
      </div>
      <p className="muted add-alt">
        {t('scanInstead')}{' '}
        <button type="button" className="link-btn" onClick={onScan}>
          {t('scanAction')}
        </button>
      </p>
    </section>
  );
}
