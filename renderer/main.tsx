/** Starts the renderer: the saved settings first (no flash of the wrong language or theme), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { resolveLanguage } from './components/language';
import { applyToDocument, loadSettings, SettingsProvider } from './settings/SettingsProvider';
import { App } from './App';
import './styles/app.css';

const settings = await loadSettings();
applyToDocument(settings);
await initI18n(resolveLanguage(settings.language));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SettingsProvider initial={settings}>
      <App />
    </SettingsProvider>
  </StrictMode>,
);
