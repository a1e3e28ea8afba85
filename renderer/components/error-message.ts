/**
 * What to show for a failed call: main already made `ApiError.message` a
 * sentence for people; anything else gets the fixed "nothing was changed" text.
 * Never a stack trace.
 */
import { ApiError } from '../api';
import { i18next } from '../i18n';

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return i18next.t('errors.internal', { ns: 'common' });
}
