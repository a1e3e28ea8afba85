/** A disagreement between the account list and the keychain that the vault found and reports (never drops). */
export interface VaultProblem {
  kind: 'orphan-secret' | 'missing-secret' | 'unreadable-secret';
  /** The account id (keychain item account name). */
  id: string;
  /** What a person recognises: issuer/name if known, else the id. */
  label: string;
}

/**
 * accounts.json was found damaged or missing and Authdesk put its previous
 * generation (accounts.json.bak) back. Shown by the app (a banner) and on
 * every CLI command until acknowledged (`authdesk doctor --ack`).
 */
export interface RecoveryNotice {
  /** When the recovery happened (ms since the epoch). */
  at: number;
  /** What was wrong with accounts.json ("it is not valid JSON", "it was missing"). */
  reason: string;
  /** Where the damaged file was kept, if there was one to keep. */
  keptAs: string | null;
  /** How many accounts the restored backup holds. */
  accounts: number;
}

/** A deleted account kept (secret included) until `purgeAt`; restorable with vault.undelete / `doctor --undelete`. */
export interface TrashEntry {
  id: string;
  issuer: string;
  name: string;
  type: 'totp' | 'hotp' | 'steam';
  deletedAt: number;
  purgeAt: number;
}
