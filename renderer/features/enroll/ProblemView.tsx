/** A scan that found no key: what happened, what to do, and the ways forward. */
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/error-text';
import { problemText } from './problem-text';
import type { Source } from './sources';
import { useAppInfo } from './useAppInfo';
import type { FlowView } from './useEnrollFlow';
import { useFocusOnMount } from './useFocusOnMount';

interface Props {
  view: Extract<FlowView, { step: 'problem' }>;
  onRetry(source: Source): void;
  onUseImage(): void;
  onBack(): void;
}

export function ProblemView({ view, onRetry, onUseImage, onBack }: Props) {
  const { t } = useTranslation('enroll');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const errorText = useErrorText();
  const info = useAppInfo();
  const { title, lines } = problemText(t, errorText, view.problem, view.source, info);
  const canRetry = view.source === 'screen' || view.source === 'camera';
  return (
    <section className="enroll-card" data-testid="enroll-problem" data-problem={view.problem.kind}>
      {/* The words are the alert; the buttons stay outside it. */}
      <div role="alert">
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <div className="enroll-actions">
        {canRetry && (
          <button type="button" className="enroll-primary" onClick={() => onRetry(view.source)}>
            {view.source === 'screen' ? t('problem.scanAgain') : t('problem.tryCameraAgain')}
          </button>
        )}
        <button type="button" className={canRetry ? 'enroll-secondary' : 'enroll-primary'} onClick={onUseImage}>
          {view.source === 'screen' || view.source === 'camera' ? t('problem.useImage') : t('problem.otherImage')}
        </button>
        <button type="button" className="enroll-secondary" onClick={onBack}>
          {t('problem.back')}
        </button>
      </div>
    </section>
  );
}
