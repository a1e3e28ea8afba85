/** The code engine's public surface. Everything else in core/otp is an implementation detail. */
export type { OtpType, Algorithm, OtpParams, AccountDraft, AccountMeta, AccountPreview, CodeResult } from './types';
export { parseOtpauthUri } from './uri-parse';
export { formatOtpauthUri } from './uri-format';
export { normalizeSecret } from './secret';
export { draftFromManualEntry } from './manual-entry';
export { generateCode, codeWindow, hotpCode } from './codes';
