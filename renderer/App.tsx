/**
 * The app shell: header with the three ways to add an account and the way
 * into settings (the gear), and one view at a time. The accounts view stays mounted
 * while another view is open (a pending undo must survive). Enrollment is
 * loaded on demand: it carries the QR decoder, which the list does not need.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../common/otp/types';
import { AnnouncerProvider } from './components/Announcer';
import { Icon } from './components/Icon';
import { UpdateNotice } from './components/UpdateNotice';
import { AccountsView } from './features/accounts/AccountsView';
import { AddAccountView } from './features/add-account/AddAccountView';
import { SettingsView } from './features/settings/SettingsView';
import { ImportView } from './features/import/ImportView';
import { ExportView } from './features/export';
import { TrashView } from './features/accounts/TrashView';
import { useSettings } from './settings/SettingsProvider';
import { bridge } from './api';
import { DesktopStatusBanner } from './features/desktop/DesktopStatusBanner';
import { BackupReminder } from './features/backup/BackupReminder';
import { LockScreen } from './features/desktop/LockScreen';
import { useLockState } from './features/desktop/useLockState';

const enroll = () => import('./features/enroll');
const EnrollEntry = lazy(() => enroll().then((m) => ({ default: m.EnrollEntry })));
const GuidedSetup = lazy(() => enroll().then((m) => ({ default: m.GuidedSetup })));
const EnrollAnywhere = lazy(() => enroll().then((m) => ({ default: m.EnrollAnywhere })));

export type View = 'accounts' | 'add' | 'scan' | 'guided' | 'settings' | 'import' | 'export' | 'trash';
/** How the scan screen starts: at once from the screen (the Scan buttons) or with work pasted/dropped elsewhere. */
type ScanStart = 'screen' | undefined;

export function App() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('accounts');
  const [scanStart, setScanStart] = useState<ScanStart>(undefined);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [focusBackups, setFocusBackups] = useState(false);
  const { settings } = useSettings();

  const done = useCallback((account?: AccountMeta | null) => {
    if (account) setHighlightId(account.id);
    setView('accounts');
  }, []);
  const go = useCallback((next: View) => () => setView(next), []);
  const openBackupSettings = useCallback(() => {
    setFocusBackups(true);
    setView('settings');
  }, []);
  const scan = useCallback(() => {
    setScanStart('screen');
    setView('scan');
  }, []);
  const enrollPicksUp = useCallback(() => {
    setScanStart(undefined);
    setView('scan');
  }, []);
  const { lock } = useLockState();
  // The tray's "Scan screen for QR code".
  useEffect(() => bridge().events.onScanRequested(scan), [scan]);

  // Locked: nothing of the app is rendered, so no code is on screen or in the DOM.
  if (lock?.locked)
    return (
      <AnnouncerProvider>
        <LockScreen lock={lock} />
      </AnnouncerProvider>
    );

  return (
    <AnnouncerProvider>
      <div className="app">
        <header className="app-header">
          <h1 className="brand">
            <span className="brand-mark" aria-hidden="true">
              <Icon name="shield" />
            </span>
            <span className="brand-text">{t('appName')}</span>
          </h1>
          <nav className="header-actions" aria-label={t('header.actions')}>
            {/* Scanning is why most people open Authdesk: it is the one labelled, primary action. */}
            <button type="button" className="btn btn-primary" aria-pressed={view === 'scan'} onClick={scan}>
              <Icon name="qr" />
              <span className="btn-text">{t('actions.scan')}</span>
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              title={t('actions.guided')}
              aria-pressed={view === 'guided'}
              onClick={go('guided')}
            >
              <Icon name="shield" />
              <span className="btn-text">{t('actions.guided')}</span>
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              title={t('actions.addManually')}
              aria-pressed={view === 'add'}
              onClick={go('add')}
            >
              <Icon name="plus" />
              <span className="btn-text">{t('actions.addManually')}</span>
            </button>
            <button
              type="button"
              className="icon-btn"
              aria-label={t('settings.open')}
              title={t('settings.open')}
              aria-pressed={view === 'settings' || view === 'import' || view === 'export'}
              onClick={() => {
                setFocusBackups(false);
                setView(view === 'settings' ? 'accounts' : 'settings');
              }}
            >
              <Icon name="gear" />
            </button>
          </nav>
        </header>
        <DesktopStatusBanner />
        <main className="app-main">
          <UpdateNotice />
          {view === 'accounts' && <BackupReminder onOpenSettings={openBackupSettings} />}
          <AccountsView
            visible={view === 'accounts'}
            showNext={settings.showNextCode}
            highlightId={highlightId}
            onScan={scan}
            onGuided={go('guided')}
            onAddManually={go('add')}
            onTrash={go('trash')}
          />
          {view === 'trash' && <TrashView onClose={() => done()} />}
          {view === 'settings' && (
            <SettingsView
              onClose={() => setView('accounts')}
              onImport={go('import')}
              onExport={go('export')}
              focusBackups={focusBackups}
            />
          )}
          {view === 'import' && <ImportView onDone={(added) => done(added[0])} />}
          {view === 'export' && <ExportView onClose={go('settings')} />}
          {view === 'add' && <AddAccountView onAdded={done} onCancel={() => done()} onScan={scan} />}
          {(view === 'scan' || view === 'guided') && (
            <Suspense fallback={<p className="muted loading">{t('loading')}</p>}>
              {view === 'scan' ? (
                <EnrollEntry onDone={done} initialSource={scanStart} />
              ) : (
                <GuidedSetup onDone={done} />
              )}
            </Suspense>
          )}
        </main>
        {/* A screenshot or otpauth link pasted/dropped anywhere starts an enrollment. Loaded after first paint. */}
        <Suspense fallback={null}>
          <EnrollAnywhere onOpen={enrollPicksUp} />
        </Suspense>
      </div>
    </AnnouncerProvider>
  );
}
