/** The start of EnrollEntry: the four ways in, with a word on each. */
import { useTranslation } from 'react-i18next';
import { useAppInfo } from './useAppInfo';

interface Props {
  onScreen(): void;
  onImage(): void;
  onCamera(): void;
  /** Set when the app opened this screen to paste: the paste hint is put first. */
  highlightPaste: boolean;
}

export function SourceButtons({ onScreen, onImage, onCamera, highlightPaste }: Props) {
  const { t } = useTranslation('enroll');
  const info = useAppInfo();
  const pasteKeys = info?.platform === 'darwin' ? '⌘V' : 'Ctrl+V';
  const pasteHint = (
    <p className={`enroll-hint${highlightPaste ? ' enroll-hint-strong' : ''}`} data-testid="enroll-paste-hint">
      {t('start.pasteHint', { keys: pasteKeys })}
    </p>
  );
  return (
    <section className="enroll-card" data-testid="enroll-start">
      <h2>{t('start.title')}</h2>
      {highlightPaste && pasteHint}
      <div className="enroll-source">
        <button type="button" className="enroll-primary" onClick={onScreen} data-testid="enroll-scan-screen">
          {t('start.scanScreen')}
        </button>
        <p className="enroll-muted">{t('start.scanScreenHelp')}</p>
        {info?.waylandSession && <p className="enroll-note">{t('start.waylandPicker')}</p>}
      </div>
      <div className="enroll-source">
        <button type="button" className="enroll-secondary" onClick={onImage} data-testid="enroll-open-image">
          {t('start.openImage')}
        </button>
        <p className="enroll-muted">{t('start.dropHint')}</p>
      </div>
      <div className="enroll-source">
        <button type="button" className="enroll-secondary" onClick={onCamera} data-testid="enroll-use-camera">
          {t('start.useCamera')}
        </button>
      </div>
      {!highlightPaste && pasteHint}
    </section>
  );
}
