/** Starts the renderer: the saved language first (no flash of the wrong language), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { resolveLanguage, savedLanguage } from './components/language';
import { App } from './App';
import './styles/app.css';

await initI18n(resolveLanguage(await savedLanguage()));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
