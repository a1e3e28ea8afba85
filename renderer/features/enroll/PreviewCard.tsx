/**
 * "Add this account?": what main parsed (no secret), with issuer and name
 * editable before saving. Cancel discards the draft in main.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountParams } from './AccountSummary';
import { useErrorText } from '../../components/error-text';
import { SideNotesList } from './SideNotesList';
import { useFocusOnMount } from './useFocusOnMount';
import type { FlowView } from './useEnrollFlow';

interface Props {
  view: Extract<FlowView, { step: 'preview' }>;
  onSave(issuer: string, name: string): void;
  onCancel(): void;
}

export function PreviewCard({ view, onSave, onCancel }: Props) {
  const { t } = useTranslation('enroll');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const errorText = useErrorText();
  const { account, duplicateOf } = view.key;
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  const titleId = useId();

  return (
    <form
      className="enroll-card"
      aria-labelledby={titleId}
      data-testid="enroll-preview"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(issuer, name);
      }}
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('preview.title')}
      </h2>
      {duplicateOf && (
        <p className="enroll-warning" role="status" data-testid="enroll-duplicate">
          {t('preview.duplicate')}
        </p>
      )}
      <label className="enroll-field">
        <span>{t('preview.issuer')}</span>
        <input
          value={issuer}
          onChange={(e) => setIssuer(e.target.value)}
          maxLength={200}
          autoComplete="off"
          data-testid="enroll-issuer"
        />
      </label>
      <label className="enroll-field">
        <span>{t('preview.name')}</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          autoComplete="off"
          data-testid="enroll-name"
        />
      </label>
      <AccountParams account={account} />
      <SideNotesList notes={view.notes} />
      {view.error && (
        <p role="alert" className="enroll-error">
          {errorText(view.error)}
        </p>
      )}
      <div className="enroll-actions">
        <button type="submit" className="enroll-primary" disabled={view.saving}>
          {view.saving ? t('preview.saving') : t('preview.save')}
        </button>
        <button type="button" className="enroll-secondary" onClick={onCancel} disabled={view.saving}>
          {t('preview.cancel')}
        </button>
      </div>
    </form>
  );
}
