/**
 * What main tells the renderer about an export, a backup check or a recovery
 * sheet (transfer.export*, transfer.verify* channels). Paths, counts and
 * account labels only. The one exception is the QR codes' PNG images: they
 * encode secrets as pictures, because handing them to a phone's camera is
 * the whole point of showing them.
 */

/** The file formats the "Export & back up" page writes (the QR codes are shown, not written). */
export const EXPORT_FILE_FORMATS = ['encrypted', 'aegis', 'otpauth'] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

/** A file main wrote (new, readable by its owner only), or the save dialog was closed. */
export type ExportWritten = { status: 'cancelled' } | { status: 'written'; file: string; count: number };

/** Google Authenticator transfer QR codes: PNG data URLs, ≤ 10 accounts each, shown one at a time. */
export interface ExportQrCodes {
  images: string[];
  /** How many accounts the codes hold. */
  count: number;
  /** Accounts Google Authenticator cannot hold ("Issuer (name)"), left out. */
  leftOut: string[];
}

/** A backup chosen to verify: main keeps its path under `token` while the password is typed. */
export type VerifyChosen = { status: 'cancelled' } | { status: 'chosen'; token: string; fileName: string };

/** A field of an account that a backup may hold differently. */
export type VerifyField = 'issuer' | 'name' | 'algorithm' | 'digits' | 'period' | 'counter';

/** One account found in both with the same key but other labels or parameters (values as JSON text). */
export interface VerifyChange {
  account: string;
  fields: { field: VerifyField; inBackup: string; here: string }[];
}

/** The comparison of a backup with the vault, entry by entry (labels only). */
export interface VerifyView {
  ok: boolean;
  fileName: string;
  formatName: string;
  inBackup: number;
  inVault: number;
  /** Accounts of the vault the backup holds unchanged. */
  matching: number;
  missing: string[];
  extra: string[];
  /** The changes in English words (the CLI prints these); the app words `changes` itself. */
  different: string[];
  changes: VerifyChange[];
}

/** One account's otpauth QR code for a phone (PNG data URL); the window is content-protected while it is shown. */
export interface AccountQr {
  image: string;
  /** "Issuer (name)". */
  label: string;
}
