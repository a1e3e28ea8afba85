/**
 * A draft back into a key URI that other apps read and that parses back to
 * the same draft (parse(format(d)) deep-equals d for every valid draft: issuer
 * and name trimmed, as parse and manual entry produce them). Every parameter
 * is written explicitly so no app's differing default can change a code.
 */
import { formatLabel } from './label';
import type { AccountDraft } from '../../common/otp/types';

export function formatOtpauthUri(draft: AccountDraft): string {
  const params: [string, string][] = [['secret', draft.secret]];
  if (draft.issuer !== '') params.push(['issuer', draft.issuer]);
  params.push(['algorithm', draft.algorithm], ['digits', String(draft.digits)]);
  if (draft.type === 'hotp') params.push(['counter', String(draft.counter)]);
  else params.push(['period', String(draft.period)]);
  // Percent-encoding (not URLSearchParams' '+') so readers that do not treat
  // '+' as a space still get the right issuer.
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `otpauth://${draft.type}/${formatLabel(draft.issuer, draft.name)}?${query}`;
}
