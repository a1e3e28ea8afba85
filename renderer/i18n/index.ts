/**
 * Languages: English and Norwegian bokmål. Each feature keeps its strings in
 * `features/<name>/i18n/{en,nb}.json` (namespace = folder name); the shared
 * ones live in `i18n/{en,nb}.json` (namespace "common").
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['en', 'nb'] as const;
export type UiLanguage = (typeof languages)[number];

type Strings = Record<string, unknown>;
const common = import.meta.glob<Strings>('./*.json', { eager: true, import: 'default' });
const features = import.meta.glob<Strings>('../features/*/i18n/*.json', { eager: true, import: 'default' });

function buildResources() {
  const resources: Record<string, Record<string, Strings>> = { en: {}, nb: {} };
  for (const [path, strings] of Object.entries(common)) {
    const lang = path.match(/\.\/(\w+)\.json$/)?.[1];
    if (lang && resources[lang]) resources[lang].common = strings;
  }
  for (const [path, strings] of Object.entries(features)) {
    const m = path.match(/features\/([\w-]+)\/i18n\/(\w+)\.json$/);
    if (m && resources[m[2]!]) resources[m[2]!]![m[1]!] = strings;
  }
  return resources;
}

/** Norwegian for nb/nn/no system languages, English otherwise. */
export function detectLanguage(tags: readonly string[] = navigator.languages): UiLanguage {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export async function initI18n(language: UiLanguage = detectLanguage()) {
  await i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export { i18next };
