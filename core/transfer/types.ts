/**
 * The shapes of moving accounts in and out of Authdesk. An importer turns a
 * file's bytes into ImportedEntry values (drafts that still carry their
 * secret: they exist only in main/CLI) plus per-entry problems; it never
 * writes anything. Writing is the vault's batch add (see import-session.ts).
 */
import type { AccountDraft } from '../../common/otp/types';

/** Every format Authdesk reads, by stable id (the CLI's --format values). */
export type ImportFormat =
  | 'authdesk'
  | 'migration'
  | 'otpauth'
  | 'aegis'
  | '2fas'
  | 'andotp'
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | 'freeotp-plus'
  | 'proton'
  | 'stratum'
  | 'steam'
  | 'totp-authenticator'
  | 'authenticator-plus'
  | 'freeotp';

/** An account found in a file: a draft plus what the source app knew beyond the code parameters. */
export type ImportedEntry = AccountDraft & {
  /** Group/folder/tag names in the source app (Authdesk has no groups yet: shown, not stored). */
  groups?: string[];
  note?: string;
};

/** An entry the file holds but Authdesk cannot import, with the reason (e.g. an MD5 key). */
export interface EntryProblem {
  /** Where in the file, e.g. "entry 3" or "line 7". */
  where: string;
  /** issuer/name as far as known, for the user to recognise it. */
  label: string;
  message: string;
}

export interface ImportResult {
  format: ImportFormat;
  /** Human name of the format, e.g. "Aegis (encrypted)". */
  formatName: string;
  entries: ImportedEntry[];
  problems: EntryProblem[];
}

export interface ParseOptions {
  password?: string;
}

/** One importer: one file format. */
export interface Importer {
  id: ImportFormat;
  name: string;
  /** Cheap content sniff: is this file (probably) in my format? */
  detect(input: ImportInput): boolean;
  /** Reads the file; asks for a password by throwing 'password-required' when it needs one. */
  parse(input: ImportInput, options: ParseOptions): Promise<ImportResult>;
}

/** A file as the importers see it: bytes, the text (if it is UTF-8) and the parsed JSON (if it is JSON). */
export interface ImportInput {
  bytes: Uint8Array;
  text: string | null;
  json: unknown;
  /** For messages: the file name (or "the pasted text"). */
  source: string;
}
