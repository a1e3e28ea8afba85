/**
 * Settings → Backups: the folder (main's folder dialog), the backup password
 * (typed twice here, handed to main at once, never shown or read back: main
 * only says whether one is set), how many to keep, "Back up now", and the
 * last backup and the last failure with its cause, and "Turn off" (forgets
 * the password; written backups stay). A folder fixed by the admin policy is
 * shown but cannot be changed, nor can its backups be turned off.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_PASSWORD_MIN, type BackupStatus } from '../../../common/backup';
import type { SettingsPatch } from '../../../common/settings';
import type { ErrorValue } from '../../../common/errors';
import { bridge, unwrap } from '../../api';
import { errorMessage, toErrorValue, useErrorText } from '../../components/error-text';
import { SelectField } from '../settings/fields';
import { formatBackupTime, useBackupStatus } from './useBackupStatus';
import './backup.css';

const KEEP_CHOICES = [3, 5, 10, 20, 30, 50, 100] as const;

interface Props {
  /** The folder is fixed by the admin policy. */
  folderManaged: boolean;
  managedHint: string;
  /** Writes a setting (the keep count) the way every other field of the page does. */
  onSet(patch: SettingsPatch): Promise<unknown>;
  /** Opened from the reminder banner: scroll here and put focus on the section. */
  focusOnOpen?: boolean;
}

export function BackupSection({ folderManaged, managedHint, onSet, focusOnOpen }: Props) {
  const { t, i18n } = useTranslation('backup');
  const { status, set, reload } = useBackupStatus();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLLegendElement>(null);
  const reason = useBackupErrorText();

  useEffect(() => {
    if (!focusOnOpen) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [focusOnOpen]);

  /** Runs one action; `failureInStatus`: a failure is recorded in the status (shown once, from there). */
  const act = async (run: () => Promise<BackupStatus>, done?: string, failureInStatus = false) => {
    setProblem(null);
    setNotice(null);
    setBusy(true);
    try {
      set(await run());
      if (done) setNotice(done);
    } catch (err) {
      const error = toErrorValue(err);
      if (failureInStatus && error.code !== 'bad-input') await reload();
      else setProblem(reason(error));
    } finally {
      setBusy(false);
    }
  };

  const time = (ms: number) => formatBackupTime(ms, i18n.language);
  return (
    <fieldset className="settings-group backup-section" id="backup-settings">
      <legend className="backup-title" tabIndex={-1} ref={heading}>
        {t('title')}
      </legend>
      <p className="field-hint">{t('intro')}</p>
      {status && (
        <p className={status.enabled ? 'backup-state backup-on' : 'backup-state'} data-testid="backup-state">
          {status.enabled ? t('on') : t('off')}
        </p>
      )}

      <div className="setting field">
        <span className="field-label">{t('folder')}</span>
        <div className="backup-row">
          <code className="backup-folder" data-testid="backup-folder">
            {status?.folder ?? t('noFolder')}
          </code>
          <button
            type="button"
            className="btn"
            disabled={folderManaged || busy}
            onClick={() => void act(() => unwrap(bridge().backup.chooseFolder()))}
          >
            {t('chooseFolder')}
          </button>
        </div>
        {folderManaged && <p className="field-hint">{managedHint}</p>}
      </div>

      <PasswordForm
        passwordSet={status?.passwordSet ?? false}
        onSave={(password) => act(() => unwrap(bridge().backup.setPassword({ password })), t('passwordSaved'))}
      />

      {status && (
        <SelectField<number>
          label={t('keep')}
          hint={t('keepHint')}
          value={status.keep}
          options={KEEP_CHOICES.map((n) => ({ value: n, label: t('keepCount', { count: n }) }))}
          onChange={(backupKeep) => void onSet({ backupKeep }).catch((err: unknown) => setProblem(errorMessage(err)))}
        />
      )}

      <div className="backup-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!status?.enabled || busy}
          onClick={() => void act(() => unwrap(bridge().backup.runNow()), t('done'), true)}
        >
          {busy ? t('working') : t('backUpNow')}
        </button>
        <p className="muted" data-testid="backup-last" aria-live="polite">
          {status?.lastSuccessAt == null
            ? t('never')
            : status.lastFile
              ? t('lastFile', { time: time(status.lastSuccessAt), file: status.lastFile })
              : t('last', { time: time(status.lastSuccessAt) })}
        </p>
      </div>
      {status?.passwordSet && !folderManaged && (
        <div className="backup-row">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void act(() => unwrap(bridge().backup.turnOff()), t('turnedOff'))}
          >
            {t('turnOff')}
          </button>
        </div>
      )}
      {notice && (
        <p className="backup-notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {status?.lastError && (
        <p className="field-error" role="alert" data-testid="backup-error" data-code={status.lastError.code}>
          {t('failed', { time: time(status.lastError.at), reason: reason(status.lastError) })}
        </p>
      )}
    </fieldset>
  );
}

/** The password typed twice; cleared as soon as main has it. */
function PasswordForm({ passwordSet, onSave }: { passwordSet: boolean; onSave(password: string): Promise<void> }) {
  const { t } = useTranslation('backup');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (first.length < BACKUP_PASSWORD_MIN) return setProblem(t('passwordTooShort', { min: BACKUP_PASSWORD_MIN }));
    if (first !== second) return setProblem(t('passwordMismatch'));
    setProblem(null);
    await onSave(first);
    setFirst('');
    setSecond('');
  };
  return (
    <form className="setting backup-password" onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted" data-testid="backup-password-state">
        {passwordSet ? t('passwordSet') : t('passwordUnset')}
      </p>
      <label className="field-label" htmlFor="backup-password-1">
        {t('password')}
      </label>
      <input
        id="backup-password-1"
        className="input"
        type="password"
        autoComplete="new-password"
        value={first}
        aria-describedby="backup-password-hint"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setFirst(e.target.value)}
      />
      <label className="field-label" htmlFor="backup-password-2">
        {t('passwordRepeat')}
      </label>
      <input
        id="backup-password-2"
        className="input"
        type="password"
        autoComplete="new-password"
        value={second}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setSecond(e.target.value)}
      />
      <p className="field-hint" id="backup-password-hint">
        {t('passwordHint', { min: BACKUP_PASSWORD_MIN })}
        {passwordSet && ` ${t('passwordChangeHint')}`}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div>
        <button type="submit" className="btn">
          {passwordSet ? t('changePassword') : t('setPassword')}
        </button>
      </div>
    </form>
  );
}

/** A backup failure in backup words where we have them (folder, disk, keychain), else the common sentence. */
function useBackupErrorText(): (error: ErrorValue) => string {
  const { t, i18n } = useTranslation('backup');
  const common = useErrorText();
  return (error) => (i18n.exists(`errors.${error.code}`, { ns: 'backup' }) ? t(`errors.${error.code}`) : common(error));
}
