import { AuthdeskError } from '../errors';
import type { AccountDraft, OtpType, Algorithm } from './types';
/** STUB (owned by the core-otp helper): validates a hand-typed entry into a draft or throws AuthdeskError. */
export function draftFromManualEntry(_entry: {
  issuer: string;
  name: string;
  secret: string;
  type?: OtpType;
  algorithm?: Algorithm;
  digits?: number;
  period?: number;
  counter?: number;
}): AccountDraft {
  throw new AuthdeskError('unsupported', 'not implemented yet');
}
