/**
 * What exporting needs from the shell: a save dialog, an open dialog for a
 * backup to verify, and content protection while secret QR codes are on
 * screen. Electron's in the app (electron/export-dialogs.ts); the web bridge
 * and tests name files instead. Plain types: no `electron` import.
 */
/** What is being saved: the shell words the dialog (title, file type) in the app's language. */
export type SaveKind = 'encrypted' | 'aegis' | 'otpauth' | 'sheet';

export interface SaveRequest {
  kind: SaveKind;
  /** A file name (no folder): the dialog starts in the user's usual folder. */
  defaultName: string;
  extensions: string[];
}

export interface ExportShell {
  /** The save dialog: the chosen path, or null when it was closed. */
  chooseSaveFile(request: SaveRequest): Promise<string | null>;
  /** The open dialog for a backup to verify: its path, or null. */
  chooseBackupFile(): Promise<string | null>;
  /** On while secret QR codes are shown (keeps them out of screen captures); off returns to the setting. */
  protectWindow(on: boolean): Promise<void>;
}
