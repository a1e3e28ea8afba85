/**
 * The domain model of one authenticator account. Shapes follow the shared
 * vectors' "normalized entry". The code parameters are a union on `type`, so
 * a totp account always has a period, a hotp account a counter, and a Steam
 * account Steam's fixed parameters: no reader needs a fallback.
 */
import type { Algorithm, OtpType, STEAM } from './vocabulary';
import type { ErrorValue } from '../errors';

export type { Algorithm, OtpType };

/** Time-based (RFC 6238). */
export interface TotpParams {
  type: 'totp';
  algorithm: Algorithm;
  /** 6–8 in practice (DIGITS.totp accepted). */
  digits: number;
  /** Seconds per code. */
  period: number;
}

/** Counter-based (RFC 4226). */
export interface HotpParams {
  type: 'hotp';
  algorithm: Algorithm;
  digits: number;
  /** The next counter to use. */
  counter: number;
}

/** Steam Guard: five letters every 30 s from SHA1, whatever a link said. */
export interface SteamParams {
  type: 'steam';
  algorithm: typeof STEAM.algorithm;
  digits: typeof STEAM.digits;
  period: typeof STEAM.period;
}

/** Everything needed to generate codes, minus the secret. */
export type OtpParams = TotpParams | HotpParams | SteamParams;

/** Who an account is for. */
export interface AccountLabels {
  issuer: string;
  name: string;
}

/** A parsed account that still carries its secret: exists only in main/CLI, never sent to the renderer. */
export type AccountDraft = OtpParams &
  AccountLabels & {
    /** Upper-case RFC 4648 base32 without padding. */
    secret: string;
  };

/** Stored metadata of an account: no secret. This is what the renderer and `authdesk list` see. */
export type AccountMeta = OtpParams &
  AccountLabels & {
    id: string;
    /** Milliseconds since the epoch. */
    createdAt: number;
    /** Shown first in the list, the tray and the quick-pick. Absent in files written before pins existed. */
    pinned?: boolean;
  };

/** What a renderer may see of a parsed-but-unsaved account (the QR preview): no secret. */
export type AccountPreview = OtpParams & AccountLabels;

/** One code with its validity window. Times are milliseconds since the epoch; null for hotp (valid until used). */
export interface CodeResult {
  id: string;
  code: string;
  /** The code of the next period (totp/steam) or null for hotp. */
  next: string | null;
  validFrom: number | null;
  validUntil: number | null;
  /** Set when this one account's code could not be made (e.g. an unreadable keychain value); code is then ''. */
  error?: ErrorValue;
}
