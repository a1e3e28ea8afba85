/** Small questions the vault and the enrollment preview ask about drafts. */
import { normalizeSecret } from './secret';
import type { AccountDraft, AccountPreview } from '../../common/otp/types';

/** What the renderer may see of a draft: built field by field, so nothing unexpected (the secret) rides along. */
export function accountPreview(draft: AccountDraft): AccountPreview {
  const preview: AccountPreview = {
    type: draft.type,
    issuer: draft.issuer,
    name: draft.name,
    algorithm: draft.algorithm,
    digits: draft.digits,
  };
  if (draft.type === 'hotp') preview.counter = draft.counter ?? 0;
  else preview.period = draft.period ?? 30;
  return preview;
}

/**
 * An exact duplicate: same key, labels and code parameters. The HOTP counter
 * is left out on purpose: it moves with use, the account stays the same.
 */
export function sameAccount(a: AccountDraft, b: AccountDraft): boolean {
  return (
    a.type === b.type &&
    a.issuer === b.issuer &&
    a.name === b.name &&
    a.algorithm === b.algorithm &&
    a.digits === b.digits &&
    (a.type === 'hotp' || (a.period ?? 30) === (b.period ?? 30)) &&
    sameSecret(a.secret, b.secret)
  );
}

function sameSecret(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return normalizeSecret(a) === normalizeSecret(b);
  } catch {
    return false;
  }
}
