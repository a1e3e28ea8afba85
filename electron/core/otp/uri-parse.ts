import { AuthdeskError } from '../errors';
import type { AccountDraft } from './types';
/** STUB (owned by the core-otp helper): parses otpauth://, steam:// into a draft or throws AuthdeskError. */
export function parseOtpauthUri(_text: string): AccountDraft {
  throw new AuthdeskError('unsupported', 'not implemented yet');
}
