/** Step 1: choose the portal (Educloud preset or another https address) and open it in the browser. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuidedStep } from './GuidedStep';
import { enrollApi } from '../api';
import { toErrorValue, useErrorText } from '../../../components/error-text';
import type { ErrorValue } from '../../../../common/errors';
import { isEducloud, isHttpsUrl, type PortalChoice } from './usePortal';

interface Props {
  portal: PortalChoice;
  onNext(): void;
}

export function StepPortal({ portal, onNext }: Props) {
  const { t } = useTranslation('enroll');
  const errorText = useErrorText();
  const [other, setOther] = useState<boolean | null>(null);
  /** null until the person types: then the saved address (if it is not a preset) is shown. */
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [openError, setOpenError] = useState<ErrorValue | null>(null);
  const usingOther = other ?? (portal.loaded && portal.preset === null);
  const address = draft ?? (portal.preset ? '' : (portal.url ?? ''));

  const saveOther = async () => {
    if (!isHttpsUrl(address)) {
      setProblem(t('guided.portal.needsHttps'));
      return;
    }
    setProblem(null);
    await portal.choose(address.trim());
  };

  const open = async () => {
    if (!portal.url) return;
    try {
      await enrollApi.openPortal();
      setOpenError(null);
    } catch (err) {
      setOpenError(toErrorValue(err));
    }
  };

  return (
    <GuidedStep
      title={t('guided.portal.title')}
      alert={openError && errorText(openError)}
      actions={
        <>
          <button
            type="button"
            className="enroll-primary"
            onClick={() => void open()}
            disabled={!portal.url}
            data-testid="guided-open-portal"
          >
            {t('guided.portal.open')}
          </button>
          <button type="button" className="enroll-secondary" onClick={onNext} data-testid="guided-next">
            {t('guided.next')}
          </button>
        </>
      }
    >
      <fieldset className="enroll-portal-choice">
        <legend>{t('guided.portal.which')}</legend>
        {portal.presets.map((preset) => (
          <label key={preset.id} className="enroll-radio">
            <input
              type="radio"
              name="portal"
              checked={!usingOther && portal.preset?.id === preset.id}
              onChange={() => {
                setOther(false);
                void portal.choose(preset.url);
              }}
            />
            <span>{preset.name}</span>
          </label>
        ))}
        <label className="enroll-radio">
          <input
            type="radio"
            name="portal"
            checked={usingOther}
            onChange={() => setOther(true)}
            data-testid="guided-portal-other"
          />
          <span>{t('guided.portal.another')}</span>
        </label>
        {usingOther && (
          <div className="enroll-field-row">
            <label className="enroll-field">
              <span>{t('guided.portal.address')}</span>
              <input
                type="url"
                inputMode="url"
                placeholder="https://"
                value={address}
                onChange={(e) => setDraft(e.target.value)}
                data-testid="guided-portal-url"
              />
            </label>
            <button
              type="button"
              className="enroll-secondary"
              onClick={() => void saveOther()}
              data-testid="guided-portal-save"
            >
              {t('guided.portal.saveAddress')}
            </button>
          </div>
        )}
      </fieldset>
      {(problem || portal.error) && (
        <p role="alert" className="enroll-error">
          {problem ?? errorText(portal.error!)}
        </p>
      )}
      {portal.loaded && (
        <p className="enroll-instruction" data-testid="guided-portal-instruction">
          {isEducloud(portal.preset) && !usingOther ? t('guided.portal.educloudSteps') : t('guided.portal.otherSteps')}
        </p>
      )}
    </GuidedStep>
  );
}
