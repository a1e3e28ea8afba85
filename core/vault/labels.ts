/** How an account's labels are stored and how people see them: shared by the vault and the CLI. */
import { LABEL_MAX_LENGTH } from '../../common/otp/vocabulary';

/** "Issuer (name)", or whichever part exists: how people recognise an account. */
export function accountLabel(a: { issuer: string; name: string }): string {
  if (a.issuer && a.name) return `${a.issuer} (${a.name})`;
  return a.issuer || a.name || '(unnamed account)';
}

/** Labels are stored on one line, trimmed, at most LABEL_MAX_LENGTH characters (the contract's limit too). */
export function cleanLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX_LENGTH);
}
