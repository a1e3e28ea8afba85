/**
 * The renderer's one way from a failure to words on screen. Every error code
 * (common/errors.ts) has a sentence in each UI language under `errors.<code>`
 * (namespace "common"); main's own (English) sentence is used only for a code
 * we have no key for yet (a newer main), and anything that is not an
 * AuthdeskError/ApiError gets the fixed "nothing was changed" text. Never a
 * stack trace.
 */
import { useTranslation } from 'react-i18next';
import { AuthdeskError, type ErrorCode, type ErrorValue } from '../../common/errors';
import { ApiError } from '../api';
import { i18next } from '../i18n';

/** The i18n key (namespace "common") of an error code's sentence. */
export const errorKey = (code: ErrorCode): string => `errors.${code}`;

/** Anything thrown, as a code and main's sentence (kept for codes without a translation). */
export function toErrorValue(err: unknown): ErrorValue {
  if (err instanceof ApiError || err instanceof AuthdeskError) return { code: err.code, message: err.message };
  return { code: 'internal', message: i18next.t(errorKey('internal'), { ns: 'common', lng: 'en' }) };
}

function textOf(error: ErrorValue, language?: string): string {
  const key = errorKey(error.code);
  return i18next.exists(key, { ns: 'common', lng: language })
    ? i18next.t(key, { ns: 'common', lng: language })
    : error.message;
}

/** The sentence for a failure in the current language (for state that keeps a string). */
export function errorMessage(err: unknown): string {
  return textOf(toErrorValue(err));
}

/** For components that keep the ErrorValue: re-renders in the new language when it changes. */
export function useErrorText(): (error: ErrorValue) => string {
  const { i18n } = useTranslation('common');
  return (error) => textOf(error, i18n.language);
}
