/**
 * The label of a key URI: `account` or `issuer:account`. Reading and writing
 * live together so the round trip stays true.
 */

/** Splits an already percent-decoded label at its FIRST colon (later colons belong to the account). */
export function splitLabel(label: string): { prefix: string; account: string } {
  const colon = label.indexOf(':');
  // A label without a colon is the account name (the spec's ABNF), not the issuer.
  if (colon < 0) return { prefix: '', account: label.trim() };
  // Spaces after the colon ("Issuer: alice") are decoration, not part of the name.
  return { prefix: label.slice(0, colon).trim(), account: label.slice(colon + 1).trim() };
}

/**
 * The path part for `issuer` and `name` (both trimmed). The issuer parameter
 * is always written too and wins when parsed, so:
 *  - an issuer with a colon is left out of the label (`:name`), because the
 *    split would cut it;
 *  - a name with a colon always gets a prefix colon, so the split happens
 *    before the name and not inside it.
 */
export function formatLabel(issuer: string, name: string): string {
  const needsPrefix = issuer !== '' || name.includes(':');
  if (!needsPrefix) return encodeURIComponent(name);
  const prefix = issuer.includes(':') ? '' : encodeURIComponent(issuer);
  // The separator stays a literal ':' (what every app writes); the parts are encoded.
  return `${prefix}:${encodeURIComponent(name)}`;
}
