/** The domain model of one authenticator account. Shapes follow the shared vectors' "normalized entry". */

export type OtpType = 'totp' | 'hotp' | 'steam';
export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** Everything needed to generate codes, minus the secret. */
export interface OtpParams {
  type: OtpType;
  algorithm: Algorithm;
  /** 6–8 for totp/hotp in practice (1–10 accepted); always 5 for steam. */
  digits: number;
  /** Seconds; totp and steam only. */
  period?: number;
  /** Next counter to use; hotp only. */
  counter?: number;
}

/** A parsed account that still carries its secret: exists only in main/CLI, never sent to the renderer. */
export interface AccountDraft extends OtpParams {
  issuer: string;
  name: string;
  /** Upper-case RFC 4648 base32 without padding. */
  secret: string;
}

/** Stored metadata of an account: no secret. This is what the renderer and `authdesk list` see. */
export interface AccountMeta extends OtpParams {
  id: string;
  issuer: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Shown first in the list, the tray and the quick-pick. Absent in files written before pins existed. */
  pinned?: boolean;
}

/** One code with its validity window. Times are milliseconds since the epoch; null for hotp (valid until used). */
export interface CodeResult {
  id: string;
  code: string;
  /** The code of the next period (totp/steam) or null for hotp. */
  next: string | null;
  validFrom: number | null;
  validUntil: number | null;
}

/** What a renderer may see of a parsed-but-unsaved account (the QR preview): no secret. */
export type AccountPreview = Omit<AccountDraft, 'secret'>;
