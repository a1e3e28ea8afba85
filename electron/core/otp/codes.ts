import type { CodeResult, OtpParams } from './types';
/** STUB (owned by the core-otp helper): the code for `params` at `atMs` (totp/steam) or at params.counter (hotp). */
export function generateCode(_secret: string, _params: OtpParams, _atMs: number): string {
  return '';
}
/** STUB: current + next code with the validity window of the period containing `nowMs` (totp/steam). */
export function codeWindow(id: string, _secret: string, _params: OtpParams, _nowMs: number): CodeResult {
  return { id, code: '', next: null, validFrom: null, validUntil: null };
}
/** STUB: the HOTP code for an explicit counter. */
export function hotpCode(_secret: string, _params: OtpParams, _counter: number): string {
  return '';
}
