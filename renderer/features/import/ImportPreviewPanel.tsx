/**
 * A preview with its Import button, shared by the import page and the
 * transfer-code card: the list with tick boxes, then "Import N accounts";
 * once written, how many were added and a way back to the list.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import type { ImportPreviewView } from '../../../common/transfer-import';
import { useErrorText } from '../../components/error-text';
import { ImportPreviewList } from './ImportPreviewList';
import { useImportCommit } from './useImportCommit';

interface Props {
  token: string;
  preview: ImportPreviewView;
  /** The Import button's text for `count` ticked accounts (the transfer card says "so far" while parts are missing). */
  importLabel?(count: number): string;
  /** Shown beside Import (Cancel, Scan next, ...). */
  actions?: ReactNode;
  onFinished(added: AccountMeta[]): void;
}

export function ImportPreviewPanel({ token, preview, importLabel, actions, onFinished }: Props) {
  const { t } = useTranslation('import');
  const errorText = useErrorText();
  const { include, toggle, commit, state } = useImportCommit(token, preview);
  const busy = state.kind === 'busy';

  if (state.kind === 'done') {
    const count = state.added.length;
    return (
      <div data-testid="import-done">
        <p role="status">{count ? t('done', { count }) : t('doneNone')}</p>
        <div className="import-actions">
          <button type="button" className="btn btn-primary" onClick={() => onFinished(state.added)} autoFocus>
            {t('toList')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div data-testid="import-preview">
      <ImportPreviewList preview={preview} include={include} onToggle={toggle} disabled={busy} />
      {state.kind === 'failed' && (
        <p role="alert" className="import-error" data-testid="import-error">
          {errorText(state.error)}
        </p>
      )}
      <div className="import-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || include.size === 0}
          onClick={commit}
          data-testid="import-commit"
        >
          {busy ? t('importing') : importLabel ? importLabel(include.size) : t('importN', { count: include.size })}
        </button>
        {actions}
      </div>
    </div>
  );
}
