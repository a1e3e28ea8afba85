/** The quick-pick window's own entry: same origin, same bridge, same languages and theme as the main window. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n';
import { resolveLanguage } from '../components/language';
import { applyToDocument, loadSettings, SettingsProvider } from '../settings/SettingsProvider';
import { QuickPick } from './QuickPick';
import '../styles/app.css';
import './quick-pick.css';

const settings = await loadSettings();
applyToDocument(settings);
await initI18n(resolveLanguage(settings.language));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SettingsProvider initial={settings}>
      <QuickPick />
    </SettingsProvider>
  </StrictMode>,
);
