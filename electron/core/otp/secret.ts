/** STUB (owned by the core-otp helper): normalises a base32 secret (case, spaces, hyphens, padding) or throws bad-secret. */
export function normalizeSecret(input: string): string {
  return input;
}
