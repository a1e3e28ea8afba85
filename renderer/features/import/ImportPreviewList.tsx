/**
 * The accounts an import found (issuer, name, type), each with a tick box:
 * duplicates of existing accounts and repeats within the file come unticked.
 * Entries that cannot be imported are listed by name with why.
 */
import { useTranslation } from 'react-i18next';
import type { ImportPreviewView } from '../../../common/transfer-import';
import { localFormatName } from '../../components/format-name';

interface Props {
  preview: ImportPreviewView;
  include: ReadonlySet<number>;
  onToggle(index: number, on: boolean): void;
  disabled?: boolean;
}

export function ImportPreviewList({ preview, include, onToggle, disabled }: Props) {
  const { t } = useTranslation('import');
  const { t: tEnroll } = useTranslation('enroll');
  return (
    <>
      <p data-testid="import-found">
        {t('found', { format: localFormatName(preview.formatName, t), count: preview.items.length })}
      </p>
      {preview.items.length > 0 && (
        <table className="import-table" data-testid="import-items">
          <thead>
            <tr>
              <th scope="col">{t('columns.import')}</th>
              <th scope="col">{t('columns.issuer')}</th>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.type')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item, i) => {
              const note = item.duplicateOf
                ? t('duplicate', { label: item.duplicateOf })
                : item.repeatsEntry !== null
                  ? t('repeat')
                  : null;
              const label = [item.issuer, item.name].filter(Boolean).join(' – ');
              return (
                <tr key={i} data-testid="import-item" data-duplicate={note ? 'true' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={label}
                      checked={include.has(i)}
                      disabled={disabled}
                      onChange={(e) => onToggle(i, e.target.checked)}
                    />
                  </td>
                  <td>{item.issuer}</td>
                  <td>
                    {item.name}
                    {note && <div className="import-note">{note}</div>}
                    {item.groups && <div className="import-note">{t('groups', { list: item.groups.join(', ') })}</div>}
                  </td>
                  <td>
                    {tEnroll(`params.types.${item.type}`)} · {item.digits}
                    {item.type === 'hotp' ? '' : ` · ${item.period}s`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {preview.problems.length > 0 && (
        <section className="import-problems" data-testid="import-problems">
          <h3>{t('problemsTitle')}</h3>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>{t('problem', { where: p.where, label: p.label, message: p.message })}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The indexes ticked by default: what main marked `include`. */
export function defaultInclude(preview: ImportPreviewView): Set<number> {
  return new Set(preview.items.flatMap((item, i) => (item.include ? [i] : [])));
}
