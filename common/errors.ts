/**
 * The one error type that crosses every boundary (IPC, CLI, bridge).
 * `code` is stable and machine-readable; `message` is a sentence a person
 * understands and never contains a secret or a stack trace.
 */
import { fileSystemError } from './fs-errors';

export type ErrorCode =
  // otpauth / input parsing
  | 'malformed-uri'
  | 'bad-scheme'
  | 'bad-type'
  | 'missing-secret'
  | 'bad-secret'
  | 'bad-algorithm'
  | 'bad-digits'
  | 'bad-period'
  | 'missing-counter'
  | 'bad-counter'
  | 'not-otp'
  | 'unsupported'
  // vault
  | 'duplicate'
  | 'not-found'
  | 'ambiguous'
  | 'keychain-unavailable'
  | 'keychain-failed'
  | 'vault-corrupt'
  | 'vault-locked'
  | 'vault-too-new'
  // keychain states (one each, so the app and scripts can tell them apart)
  | 'keychain-locked'
  | 'keychain-no-dbus'
  | 'keychain-gone'
  | 'keychain-bad-item'
  // images / QR
  | 'bad-image'
  | 'no-qr'
  // import / export / backup (issue 10)
  | 'wrong-password'
  // ZipCrypto cannot tell these two apart once its one-byte password check passed
  | 'wrong-password-or-damaged'
  | 'password-required'
  | 'damaged-file'
  | 'unknown-format'
  | 'file-too-large'
  | 'file-exists'
  | 'nothing-to-export'
  | 'backup-folder-missing'
  // desktop: app lock
  | 'app-locked'
  | 'lock-unavailable'
  | 'image-too-large'
  // file system and data folder (the real cause, never "something went wrong")
  | 'disk-full'
  | 'read-only'
  | 'permission-denied'
  | 'unsafe-folder'
  // transport
  | 'bad-input'
  | 'forbidden'
  | 'internal'
  // admin policy (issue 11): a setting or action the machine's policy file fixes
  | 'managed-by-policy';

export class AuthdeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthdeskError';
    this.code = code;
  }
}

export interface ErrorValue {
  code: ErrorCode;
  message: string;
}

/** Turns anything thrown into a value safe to show: unknown errors become 'internal' with a fixed text. */
export function toErrorValue(err: unknown): ErrorValue {
  if (err instanceof AuthdeskError) return { code: err.code, message: err.message };
  const fsError = fileSystemError(err);
  if (fsError) return { code: fsError.code, message: fsError.message };
  return { code: 'internal', message: 'Something went wrong inside Authdesk. Nothing was changed.' };
}
