/** Small questions the vault and the enrollment preview ask about drafts. */
import { normalizeSecret } from './secret';
import { paramsOf, samePreview } from '../../common/otp/params';
import type { AccountDraft, AccountPreview } from '../../common/otp/types';

/** What the renderer may see of a draft: built field by field, so nothing unexpected (the secret) rides along. */
export function accountPreview(draft: AccountDraft): AccountPreview {
  return { issuer: draft.issuer, name: draft.name, ...paramsOf(draft) };
}

/**
 * An exact duplicate: what the renderer can compare (samePreview: labels and
 * code parameters, the HOTP counter aside) plus the same key.
 */
export function sameDraft(a: AccountDraft, b: AccountDraft): boolean {
  return samePreview(a, b) && sameSecret(a.secret, b.secret);
}

function sameSecret(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return normalizeSecret(a) === normalizeSecret(b);
  } catch {
    return false;
  }
}
