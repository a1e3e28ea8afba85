/**
 * The small settings popover in the header: language (saved through main)
 * and whether next codes are always visible. Esc or a click outside closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/ipc/contract';
import { bridge, unwrap } from '../api';
import { errorMessage } from './error-text';
import { Icon } from './Icon';
import { applyLanguage, savedLanguage } from './language';

interface Props {
  showNext: boolean;
  onShowNext(value: boolean): void;
}

export function SettingsMenu({ showNext, onShowNext }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<Language | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    void savedLanguage().then(setLanguage);
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const choose = async (value: Language | null) => {
    setLanguage(value);
    setError(null);
    try {
      await unwrap(bridge().settings.set({ language: value }));
      await applyLanguage(value);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

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
              value={language ?? ''}
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
          </label>
          <label className="check">
            <input type="checkbox" checked={showNext} onChange={(e) => onShowNext(e.target.checked)} />
            <span>{t('settings.showNext')}</span>
          </label>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
