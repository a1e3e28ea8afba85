/**
 * The words of the file and folder dialogs main opens (titles, buttons, file
 * type names), in the app's language like the rest of the window: a
 * Norwegian user choosing where to save a backup should not meet English.
 * Language: the setting, else the OS locale (as for the tray).
 */
import type { Language } from '../common/settings';
import type { SaveKind } from './handlers/export-shell';
import { pickShellLanguage } from './shell-text';

export interface DialogText {
  save: Record<SaveKind, { title: string; filter: string }>;
  allFiles: string;
  importTitle: string;
  importFilter: string;
  verifyTitle: string;
  verifyFilter: string;
  backupFolderTitle: string;
  backupFolderButton: string;
}

const TEXT: Record<'en' | 'nb', DialogText> = {
  en: {
    save: {
      encrypted: { title: 'Save an Authdesk backup', filter: 'Authdesk backup' },
      aegis: { title: 'Save an Aegis vault', filter: 'Aegis vault' },
      otpauth: { title: 'Save the otpauth links (not encrypted)', filter: 'Text' },
      sheet: { title: 'Save the recovery sheet', filter: 'Web page' },
    },
    allFiles: 'All files',
    importTitle: 'Import accounts',
    importFilter: 'Authenticator exports',
    verifyTitle: 'Verify a backup',
    verifyFilter: 'Backups and exports',
    backupFolderTitle: 'Folder for automatic backups',
    backupFolderButton: 'Use this folder',
  },
  nb: {
    save: {
      encrypted: { title: 'Lagre en Authdesk-sikkerhetskopi', filter: 'Authdesk-sikkerhetskopi' },
      aegis: { title: 'Lagre et Aegis-hvelv', filter: 'Aegis-hvelv' },
      otpauth: { title: 'Lagre otpauth-lenkene (ikke kryptert)', filter: 'Tekst' },
      sheet: { title: 'Lagre gjenopprettingsarket', filter: 'Nettside' },
    },
    allFiles: 'Alle filer',
    importTitle: 'Importer kontoer',
    importFilter: 'Eksporter fra autentiseringsapper',
    verifyTitle: 'Kontroller en sikkerhetskopi',
    verifyFilter: 'Sikkerhetskopier og eksporter',
    backupFolderTitle: 'Mappe for automatiske sikkerhetskopier',
    backupFolderButton: 'Bruk denne mappen',
  },
};

export function dialogText(language: Language | null, osLocale: string): DialogText {
  return TEXT[pickShellLanguage(language, osLocale)];
}

/** Where a dialog's words come from: read when it opens, so a language change applies at once. */
export type DialogTextSource = () => Promise<DialogText>;

/** English: for tests and callers without a setting. */
export const englishDialogText: DialogTextSource = async () => TEXT.en;
