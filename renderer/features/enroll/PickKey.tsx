/** Several keys in one scan (a page with two QR codes, several files): the person chooses one. */
import { useTranslation } from 'react-i18next';
import { accountTitle } from './AccountSummary';
import type { FoundKey } from './findings';
import { SideNotesList } from './SideNotesList';
import { useFocusOnMount } from './useFocusOnMount';
import type { FlowView } from './useEnrollFlow';

interface Props {
  view: Extract<FlowView, { step: 'pick' }>;
  onPick(key: FoundKey): void;
  onCancel(): void;
}

export function PickKey({ view, onPick, onCancel }: Props) {
  const { t } = useTranslation('enroll');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="enroll-card" data-testid="enroll-pick">
      <h2 ref={heading} tabIndex={-1}>
        {t('pick.title', { count: view.keys.length })}
      </h2>
      <p>{t('pick.body')}</p>
      <ul className="enroll-pick-list">
        {view.keys.map((key) => (
          <li key={key.token}>
            <button type="button" className="enroll-pick-item" onClick={() => onPick(key)}>
              <strong>{accountTitle(key.account, t('unnamed'))}</strong>
              <span>{t(`params.types.${key.account.type}`)}</span>
              {key.duplicateOf && <span className="enroll-warning-inline">{t('pick.alreadyAdded')}</span>}
            </button>
          </li>
        ))}
      </ul>
      <SideNotesList notes={view.notes} />
      <div className="enroll-actions">
        <button type="button" className="enroll-secondary" onClick={onCancel}>
          {t('preview.cancel')}
        </button>
      </div>
    </section>
  );
}
