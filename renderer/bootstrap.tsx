/**
 * Starts one window's React tree the same way for every entry (the main
 * window, the quick-pick): the saved settings first, so neither shows a flash
 * of the wrong language or theme, then the page inside the settings provider.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { resolveLanguage } from './components/language';
import { applyToDocument, loadSettings, SettingsProvider } from './settings/SettingsProvider';

export async function startWindow(page: ReactNode): Promise<void> {
  const settings = await loadSettings();
  applyToDocument(settings);
  await initI18n(resolveLanguage(settings.language));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SettingsProvider initial={settings}>{page}</SettingsProvider>
    </StrictMode>,
  );
}
