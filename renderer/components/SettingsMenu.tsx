/**
 * The small settings popover in the header: language (saved through main),
 * whether next codes are always visible, the opt-in update check, and About.
 * Settings the admin policy fixes are shown but locked, with the reason; a
 * broken policy file is shown here too. Esc or a click outside closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, SettingsView } from '../../common/ipc/contract';
import { bridge, unwrap } from '../api';
import { AboutSection } from './AboutSection';
import { errorMessage } from './error-message';
import { Icon } from './Icon';
import { applyLanguage } from './language';

interface Props {
  showNext: boolean;
  onShowNext(value: boolean): void;
}

export function SettingsMenu({ showNext, onShowNext }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    unwrap(bridge().settings.get()).then(setSettings, (err: unknown) => setError(errorMessage(err)));
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const choose = async (value: Language | null) => {
    setError(null);
    try {
      setSettings(await unwrap(bridge().settings.set({ language: value })));
      await applyLanguage(value);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const setUpdateCheck = async (value: boolean) => {
    setError(null);
    // Shown at once; main's answer (or a refusal) follows.
    const before = settings;
    setSettings((s) => s && { ...s, updateCheck: value });
    try {
      setSettings(await unwrap(bridge().settings.set({ updateCheck: value })));
    } catch (err) {
      setSettings(before);
      setError(errorMessage(err));
    }
  };

  const managed = (key: SettingsView['managed'][number]) => settings?.managed.includes(key) ?? false;
  const managedNote = (key: SettingsView['managed'][number], id: string) =>
    managed(key) && (
      <span className="field-hint" id={id}>
        {t('settings.managed')}
      </span>
    );

  return (
    <div
      className="menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="icon-btn"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={t('settings.open')}
        title={t('settings.open')}
        onClick={() => setOpen(!open)}
      >
        <Icon name="gear" />
      </button>
      {open && (
        <div className="menu-panel" id={`${id}-panel`} role="group" aria-label={t('settings.title')}>
          <label className="field" htmlFor={`${id}-lang`}>
            <span className="field-label">{t('settings.language')}</span>
            <select
              id={`${id}-lang`}
              className="input"
              value={settings?.language ?? ''}
              disabled={managed('language')}
              aria-describedby={managed('language') ? `${id}-lang-managed` : undefined}
              autoFocus
              onChange={(e) => void choose((e.target.value || null) as Language | null)}
            >
              <option value="">{t('settings.languageSystem')}</option>
              <option value="en" lang="en">
                {t('settings.languageEn')}
              </option>
              <option value="nb" lang="nb">
                {t('settings.languageNb')}
              </option>
            </select>
            {managedNote('language', `${id}-lang-managed`)}
          </label>
          <label className="check">
            <input type="checkbox" checked={showNext} onChange={(e) => onShowNext(e.target.checked)} />
            <span>{t('settings.showNext')}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settings?.updateCheck ?? false}
              disabled={!settings || managed('updateCheck')}
              aria-describedby={managed('updateCheck') ? `${id}-update-managed` : undefined}
              onChange={(e) => void setUpdateCheck(e.target.checked)}
            />
            <span>{t('settings.updateCheck')}</span>
          </label>
          {managedNote('updateCheck', `${id}-update-managed`)}
          {settings?.policy.problems.length ? (
            <div className="field-error" role="alert">
              <p>{t('settings.policyProblem')}</p>
              <ul>
                {settings.policy.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <AboutSection />
        </div>
      )}
    </div>
  );
}
