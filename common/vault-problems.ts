/** A disagreement between the account list and the keychain that the vault found and reports (never drops). */
export interface VaultProblem {
  kind: 'orphan-secret' | 'missing-secret' | 'unreadable-secret';
  /** The account id (keychain item account name). */
  id: string;
  /** What a person recognises: issuer/name if known, else the id. */
  label: string;
}
