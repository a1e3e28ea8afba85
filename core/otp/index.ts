/** The code engine's public surface. Everything else in core/otp is an implementation detail. */
export type {
  OtpType,
  Algorithm,
  OtpParams,
  AccountDraft,
  AccountMeta,
  AccountPreview,
  CodeResult,
} from '../../common/otp/types';
export { parseOtpauthUri } from './uri-parse';
export { formatOtpauthUri } from './uri-format';
export { normalizeSecret, secretBytes, encodeBase32, MAX_SECRET_BYTES } from './secret';
export { draftFromManualEntry, type ManualEntryInput } from './manual-entry';
export { generateCode, codeWindow, hotpCode } from './codes';
export { describeQrText, NOT_OTP_MESSAGES, type QrTextDescription, type NotOtpKind } from './qr-text';
export { accountPreview, sameDraft } from './account';
export { forgetKey } from './key-cache';
