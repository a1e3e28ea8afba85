/**
 * The theme setting (system / light / dark) resolved to `data-theme` on
 * <html>, which the colour tokens key on. "system" follows the OS and keeps
 * following it while the app runs.
 */
import type { Theme } from '../../common/settings';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return darkQuery().matches ? 'dark' : 'light';
}

/** Applies the theme now and, for "system", on every OS change; returns the unsubscribe. */
export function applyTheme(theme: Theme): () => void {
  const set = () => {
    document.documentElement.dataset.theme = resolveTheme(theme);
  };
  set();
  if (theme !== 'system') return () => {};
  const query = darkQuery();
  query.addEventListener('change', set);
  return () => query.removeEventListener('change', set);
}
