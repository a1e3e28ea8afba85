/**
 * Every error code has a sentence in English and Norwegian, and the renderer's
 * one error path uses it in both languages; main's English sentence shows only
 * for a code without a key. ALL_CODES is typed as a full Record over ErrorCode,
 * so a new code in common/errors.ts fails the typecheck here until it is listed,
 * and then this test until both languages have its sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../common/errors';
import commonEn from '../../../renderer/i18n/en.json';
import commonNb from '../../../renderer/i18n/nb.json';
import { ApiError } from '../../../renderer/api';
import { errorMessage, toErrorValue } from '../../../renderer/components/error-text';
import { i18next, initI18n } from '../../../renderer/i18n';

const ALL_CODES: Record<ErrorCode, true> = {
  'malformed-uri': true,
  'bad-scheme': true,
  'bad-type': true,
  'missing-secret': true,
  'bad-secret': true,
  'bad-algorithm': true,
  'bad-digits': true,
  'bad-period': true,
  'missing-counter': true,
  'bad-counter': true,
  'not-otp': true,
  unsupported: true,
  duplicate: true,
  'not-found': true,
  ambiguous: true,
  'keychain-unavailable': true,
  'keychain-failed': true,
  'vault-corrupt': true,
  'vault-locked': true,
  'vault-too-new': true,
  'keychain-locked': true,
  'keychain-no-dbus': true,
  'keychain-gone': true,
  'keychain-bad-item': true,
  'backup-folder-missing': true,
  'managed-by-policy': true,
  'wrong-password': true,
  'wrong-password-or-damaged': true,
  'password-required': true,
  'damaged-file': true,
  'unknown-format': true,
  'file-too-large': true,
  'file-exists': true,
  'nothing-to-export': true,
  'image-too-large': true,
  'disk-full': true,
  'read-only': true,
  'permission-denied': true,
  'unsafe-folder': true,
  'bad-image': true,
  'no-qr': true,
  'app-locked': true,
  'lock-unavailable': true,
  'bad-input': true,
  forbidden: true,
  internal: true,
};
const codes = Object.keys(ALL_CODES) as ErrorCode[];

describe.each([
  ['en', commonEn.errors as Record<string, string>],
  ['nb', commonNb.errors as Record<string, string>],
])('error sentences (%s)', (_lang, sentences) => {
  it.each(codes)('%s has a sentence', (code) => {
    expect(sentences[code]?.trim()).toBeTruthy();
  });
});

describe('errorMessage', () => {
  beforeAll(async () => {
    await initI18n('nb');
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it('translates by code in Norwegian, wherever the error shows', async () => {
    const err = new ApiError({ code: 'duplicate', message: 'This account is already in Authdesk.' });
    await i18next.changeLanguage('nb');
    expect(errorMessage(err)).toBe(commonNb.errors.duplicate);
    await i18next.changeLanguage('en');
    expect(errorMessage(err)).toBe(commonEn.errors.duplicate);
  });

  it("falls back to main's sentence only for a code it has no key for", async () => {
    await i18next.changeLanguage('nb');
    const err = new ApiError({ code: 'from-a-newer-main' as ErrorCode, message: 'Specific English.' });
    expect(errorMessage(err)).toBe('Specific English.');
  });

  it('never shows what a non-Authdesk error says', async () => {
    await i18next.changeLanguage('nb');
    expect(errorMessage(new Error('stack /home/x at y'))).toBe(commonNb.errors.internal);
    expect(toErrorValue(new TypeError('boom')).code).toBe('internal');
  });
});
