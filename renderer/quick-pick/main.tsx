/** The quick-pick window's own entry: same origin, same bridge, same languages as the main window. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n';
import { resolveLanguage, savedLanguage } from '../components/language';
import { QuickPick } from './QuickPick';
import '../styles/app.css';
import './quick-pick.css';

await initI18n(resolveLanguage(await savedLanguage()));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QuickPick />
  </StrictMode>,
);
