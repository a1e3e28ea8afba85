/** How an account's labels are stored and how people see them: shared by the vault and the CLI. */
import { safeLabel } from '../otp/label';

/** "Issuer (name)", or whichever part exists: how people recognise an account. */
export function accountLabel(a: { issuer: string; name: string }): string {
  if (a.issuer && a.name) return `${a.issuer} (${a.name})`;
  return a.issuer || a.name || '(unnamed account)';
}

/**
 * Labels are stored on one line, trimmed, without control or bidi-override
 * characters, at most LABEL_MAX_LENGTH UTF-16 units (the contract's limit too)
 * cut on a grapheme boundary.
 */
export function cleanLabel(text: string): string {
  return safeLabel(text);
}
