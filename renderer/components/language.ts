/**
 * The UI language follows settings.language (null = the system's language).
 * Applied on start (main.tsx) and whenever the setting changes (SettingsProvider).
 */
import type { Language } from '../../common/settings';
import { detectLanguage, i18next, type UiLanguage } from '../i18n';

export function resolveLanguage(setting: Language | null | undefined): UiLanguage {
  return setting ?? detectLanguage();
}

export async function applyLanguage(setting: Language | null | undefined): Promise<void> {
  const language = resolveLanguage(setting);
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** The locale for dates and times: the system's own (e.g. en-GB, nb-NO) when it speaks the UI language, else the UI language. */
export function uiLocale(language: string = i18next.language, system: readonly string[] = navigator.languages): string {
  const base = language.split('-')[0];
  const norwegian = (tag: string) => /^(nb|nn|no)\b/i.test(tag);
  return system.find((tag) => tag.split('-')[0] === base || (base === 'nb' && norwegian(tag))) ?? language;
}
