/**
 * What main tells the renderer about an import in progress (transfer.import*
 * channels, and enroll.preview for Google Authenticator transfer codes).
 * Labels and code parameters only: the secrets stay in main under `token`.
 */
import type { ErrorCode, ErrorValue } from './errors';
import type { AccountPreview } from './otp/types';

/** One account found in the file or transfer code. */
export type ImportItemView = AccountPreview & {
  /** Group/folder names in the source app (shown, not stored). */
  groups?: string[];
  /** "Issuer (name)" of the account Authdesk already has, when this is a duplicate. */
  duplicateOf: string | null;
  /** Index of an earlier item that is the same account (imported once). */
  repeatsEntry: number | null;
  /** Ticked by default: false for duplicates and repeats. */
  include: boolean;
};

/** An entry the source holds that cannot be imported, by name, with why. */
export interface ImportProblemView {
  where: string;
  label: string;
  message: string;
}

export interface ImportPreviewView {
  format: string;
  formatName: string;
  items: ImportItemView[];
  problems: ImportProblemView[];
}

/** A Google Authenticator export of several QR codes: parts are 0-based, shown to people from 1. */
export interface TransferProgress {
  total: number;
  scanned: number[];
  missing: number[];
  complete: boolean;
}

export type ImportStep =
  /** The file dialog was closed without a choice. */
  | { status: 'cancelled' }
  /**
   * The file is held in main but cannot be read as it is: password-required / wrong-password /
   * wrong-password-or-damaged (ask for it, see asksForPassword), unknown-format / damaged-file (pick a
   * format, or another file).
   */
  | { status: 'problem'; token: string; fileName: string; error: ErrorValue }
  /** Ready: Import writes the ticked items. `transfer` while a transfer code batch is being scanned. */
  | {
      status: 'preview';
      token: string;
      fileName: string;
      preview: ImportPreviewView;
      transfer: TransferProgress | null;
    };

/** A format the "Format" select offers (the CLI's --format values). */
export interface ImportFormatView {
  id: string;
  name: string;
}

/**
 * A held file's problem that the password box answers. 'wrong-password-or-damaged' too: with ZipCrypto
 * a retry with the right password is the only way to tell a typo from a changed file.
 */
export function asksForPassword(code: ErrorCode): boolean {
  return code === 'password-required' || code === 'wrong-password' || code === 'wrong-password-or-damaged';
}
