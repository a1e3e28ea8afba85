/**
 * Main writes its error sentences in English and they are the most specific
 * we have. In another language we use our translation of the error's code
 * when there is one, and main's sentence otherwise (better specific English
 * than a vague translation).
 */
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../common/errors';

export function useErrorText(): (error: ErrorValue) => string {
  const { t, i18n } = useTranslation('enroll');
  return (error) => {
    if (i18n.language === 'en') return error.message;
    const key = `apiErrors.${error.code}`;
    return i18n.exists(key, { ns: 'enroll' }) ? t(key) : error.message;
  };
}
