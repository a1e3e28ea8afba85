/**
 * The UI language follows settings.language (null = the system's language).
 * Applied on start, when the user picks one, and when main reports that the
 * settings changed (another window).
 */
import { useEffect } from 'react';
import type { Language } from '../../common/ipc/contract';
import { bridge, unwrap } from '../api';
import { detectLanguage, i18next, type UiLanguage } from '../i18n';

export function resolveLanguage(setting: Language | null | undefined): UiLanguage {
  return setting ?? detectLanguage();
}

export async function applyLanguage(setting: Language | null | undefined): Promise<void> {
  const language = resolveLanguage(setting);
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** Reads the saved language; a bridge that cannot answer yet leaves the system language. */
export async function savedLanguage(): Promise<Language | null> {
  try {
    return (await unwrap(bridge().settings.get())).language;
  } catch {
    return null;
  }
}

export function useLanguageFromSettings(): void {
  useEffect(
    () =>
      bridge().events.onSettingsChanged(() => {
        void savedLanguage().then(applyLanguage);
      }),
    [],
  );
}
