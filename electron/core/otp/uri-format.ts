import type { AccountDraft } from './types';
/** STUB (owned by the core-otp helper): formats a draft back into an otpauth:// URI. */
export function formatOtpauthUri(_draft: AccountDraft): string {
  return '';
}
