/** Things a scan met besides the keys it found (an unreadable file, a broken key link): said, not dropped. */
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/error-text';
import { unreadableText } from './problem-text';
import type { SideNotes } from './useEnrollFlow';

export function SideNotesList({ notes }: { notes: SideNotes }) {
  const { t } = useTranslation('enroll');
  const errorText = useErrorText();
  const lines = [...notes.unreadable.map((u) => unreadableText(t, u)), ...notes.rejected.map(errorText)];
  if (lines.length === 0) return null;
  return (
    <div className="enroll-notes" role="note">
      <p>{t('notes.title')}</p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
