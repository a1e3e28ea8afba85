/**
 * The settings page (the gear in the header opens it). Every field is one
 * setting of common/settings.ts, written through settings.set the moment it
 * changes and applied at once; what a setting does in the main process
 * (shortcut, tray, lock, clock check) is main's job, this page only reads
 * and writes them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AppLockKind,
  Language,
  ManagedSetting,
  SettingsPatch,
  SettingsView as Effective,
  Theme,
} from '../../../common/settings';
import { AboutSection } from '../../components/AboutSection';
import { Banner } from '../../components/Banner';
import { errorMessage } from '../../components/error-text';
import { Icon } from '../../components/Icon';
import { useSettings } from '../../settings/SettingsProvider';
import { CheckField, SelectField, TextField } from './fields';
import { BackupSection } from '../backup/BackupSection';

const CLEAR_SECONDS = [0, 10, 20, 30, 45, 60, 90, 120] as const;
const LOCK_MINUTES = [0, 1, 2, 5, 10, 15, 30, 60] as const;

export function SettingsView({
  onClose,
  onImport,
  onExport,
  focusBackups,
}: {
  onClose(): void;
  onImport?(): void;
  onExport?(): void;
  /** Opened from the backup reminder: Backups is scrolled to and focused. */
  focusBackups?: boolean;
}) {
  const { t } = useTranslation('settings');
  const { t: tApp } = useTranslation();
  const { settings: s, update } = useSettings();
  // settings.get returns the effective settings with what an admin policy fixes (core/policy.ts).
  const view = s as Partial<Effective>;
  const managed = (key: ManagedSetting) => view.managed?.includes(key) ?? false;
  const managedHint = tApp('settings.managed');
  const [error, setError] = useState<string | null>(null);

  const set = (patch: SettingsPatch) => {
    setError(null);
    return update(patch).catch((err: unknown) => setError(errorMessage(err)));
  };

  return (
    <section
      className="settings-view"
      aria-labelledby="settings-title"
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}
    >
      <div className="view-head">
        <button
          type="button"
          className="icon-btn"
          onClick={onClose}
          aria-label={t('back', { ns: 'common' })}
          title={t('back', { ns: 'common' })}
        >
          <Icon name="back" />
        </button>
        <h2 id="settings-title">{t('title')}</h2>
      </div>
      {onImport && (
        <div className="settings-group">
          <button type="button" className="btn" onClick={onImport} data-testid="open-import">
            {t('menu', { ns: 'import' })}
          </button>
          {onExport && (
            <button type="button" className="btn" onClick={onExport} data-testid="open-export">
              {t('menu', { ns: 'export' })}
            </button>
          )}
        </div>
      )}
      {error && (
        <Banner tone="error" onDismiss={() => setError(null)} dismissLabel={t('dismiss', { ns: 'common' })}>
          {error}
        </Banner>
      )}

      {view.policy?.problems.map((problem) => (
        <Banner key={problem} tone="error">
          {tApp('settings.policyProblem')} {problem}
        </Banner>
      ))}

      <fieldset className="settings-group">
        <legend>{t('groups.appearance')}</legend>
        <SelectField<Language | ''>
          label={t('language')}
          disabled={managed('language')}
          hint={managed('language') ? managedHint : undefined}
          value={s.language ?? ''}
          options={[
            { value: '', label: t('languageSystem') },
            { value: 'en', label: 'English', lang: 'en' },
            { value: 'nb', label: 'Norsk bokmål', lang: 'nb' },
          ]}
          onChange={(v) => void set({ language: v === '' ? null : v })}
        />
        <SelectField<Theme>
          label={t('theme')}
          value={s.theme}
          options={[
            { value: 'system', label: t('themes.system') },
            { value: 'light', label: t('themes.light') },
            { value: 'dark', label: t('themes.dark') },
          ]}
          onChange={(theme) => void set({ theme })}
        />
        <CheckField
          label={t('largeDigits')}
          checked={s.largeDigits}
          onChange={(largeDigits) => void set({ largeDigits })}
        />
        <CheckField
          label={t('showNextCode')}
          checked={s.showNextCode}
          onChange={(showNextCode) => void set({ showNextCode })}
        />
      </fieldset>

      <fieldset className="settings-group">
        <legend>{t('groups.security')}</legend>
        <SelectField<number>
          label={t('clipboardClear')}
          hint={t('clipboardClearHint')}
          value={s.clipboardClearSeconds}
          options={CLEAR_SECONDS.map((n) => ({
            value: n,
            label: n === 0 ? t('never') : t('seconds', { count: n }),
          }))}
          onChange={(clipboardClearSeconds) => void set({ clipboardClearSeconds })}
        />
        <SelectField<AppLockKind>
          label={t('appLock')}
          hint={t('appLockHint')}
          value={s.appLock}
          options={[
            { value: 'off', label: t('appLocks.off') },
            { value: 'password', label: t('appLocks.password') },
            { value: 'os', label: t('appLocks.os') },
          ]}
          onChange={(appLock) => void set({ appLock })}
        />
        <SelectField<number>
          label={t('autoLock')}
          value={s.autoLockMinutes}
          disabled={s.appLock === 'off'}
          options={LOCK_MINUTES.map((n) => ({ value: n, label: n === 0 ? t('never') : t('minutes', { count: n }) }))}
          onChange={(autoLockMinutes) => void set({ autoLockMinutes })}
        />
        <CheckField
          label={t('contentProtection')}
          hint={t('contentProtectionHint')}
          checked={s.contentProtection}
          onChange={(contentProtection) => void set({ contentProtection })}
        />
      </fieldset>

      <fieldset className="settings-group">
        <legend>{t('groups.desktop')}</legend>
        <TextField
          label={t('shortcut')}
          hint={t('shortcutHint')}
          value={s.shortcut}
          validate={(v) => (v.trim().length > 64 ? t('shortcutTooLong') : null)}
          onSave={(v) => set({ shortcut: v.trim() })}
        />
        <CheckField
          label={t('closeToTray')}
          hint={t('closeToTrayHint')}
          checked={s.closeToTray}
          onChange={(closeToTray) => void set({ closeToTray })}
        />
        <CheckField
          label={t('startAtLogin')}
          checked={s.startAtLogin}
          onChange={(startAtLogin) => void set({ startAtLogin })}
        />
      </fieldset>

      <fieldset className="settings-group">
        <legend>{t('groups.clock')}</legend>
        <CheckField
          label={t('clockCheck')}
          hint={t('clockCheckHint')}
          checked={s.clockCheck}
          onChange={(clockCheck) => void set({ clockCheck })}
        />
        <CheckField
          label={tApp('settings.updateCheck')}
          hint={managed('updateCheck') ? managedHint : undefined}
          checked={s.updateCheck}
          disabled={managed('updateCheck')}
          onChange={(updateCheck) => void set({ updateCheck })}
        />
        <CheckField
          label={t('applyClockOffset')}
          hint={t('applyClockOffsetHint')}
          checked={s.applyClockOffset}
          disabled={!s.clockCheck}
          onChange={(applyClockOffset) => void set({ applyClockOffset })}
        />
      </fieldset>

      <BackupSection
        folderManaged={managed('backupFolder')}
        managedHint={managedHint}
        onSet={set}
        focusOnOpen={focusBackups}
      />

      <fieldset className="settings-group">
        <legend>{t('groups.portal')}</legend>
        <TextField
          label={t('portal')}
          hint={t('portalHint')}
          type="url"
          value={s.portalUrl}
          validate={(v) => (/^https:\/\/[^\s/]+/i.test(v.trim()) ? null : t('portalNeedsHttps'))}
          onSave={(v) => set({ portalUrl: v.trim() })}
        />
      </fieldset>
      <AboutSection />
    </section>
  );
}
