/** A change of an account's code parameters (algorithm, digits, period), checked like a key URI's. */
import { AuthdeskError } from '../../common/errors';
import { checkDigits, checkPeriod } from '../otp/params';
import type { AccountMeta, Algorithm } from '../../common/otp/types';

export interface ParamChange {
  algorithm?: Algorithm;
  digits?: number;
  period?: number;
}

/** The account with `change` applied, or a bad-input error saying why it cannot apply. */
export function applyParamChange(account: AccountMeta, change: ParamChange, label: string): AccountMeta {
  if (change.algorithm === undefined && change.digits === undefined && change.period === undefined)
    throw new AuthdeskError('bad-input', 'Say what to change: the algorithm, the digits or the period.');
  if (account.type === 'steam')
    throw new AuthdeskError('bad-input', `${label} is a Steam account: its codes are always 5 characters, SHA1, 30 s.`);
  if (account.type === 'hotp' && change.period !== undefined)
    throw new AuthdeskError('bad-input', `${label} is counter-based (HOTP): it has no period.`);
  if (change.algorithm !== undefined && !['SHA1', 'SHA256', 'SHA512'].includes(change.algorithm))
    throw new AuthdeskError('bad-algorithm', 'Only the hash algorithms SHA1, SHA256 and SHA512 are supported.');
  const next: AccountMeta = { ...account };
  if (change.algorithm !== undefined) next.algorithm = change.algorithm;
  if (change.digits !== undefined) next.digits = checkDigits(change.digits, next.type);
  if (change.period !== undefined && next.type === 'totp') next.period = checkPeriod(change.period);
  return next;
}
