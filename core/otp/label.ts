/**
 * The label of a key URI: `account` or `issuer:account`. Reading and writing
 * live together so the round trip stays true.
 */
import { cutToGraphemes, stripUnsafeChars } from '../../common/safe-text';
import { LABEL_MAX_LENGTH } from '../../common/otp/vocabulary';

/** The contract's limit for an issuer or a name (UTF-16 units). */
export const LABEL_MAX = LABEL_MAX_LENGTH;

/**
 * A label part as stored: control characters and bidi overrides stripped (a
 * link or QR code is hostile input; an ESC would reach the terminal), white
 * space collapsed, trimmed, cut to LABEL_MAX on a grapheme boundary.
 */
export function safeLabel(text: string): string {
  return cutToGraphemes(stripUnsafeChars(text).replace(/\s+/g, ' ').trim(), LABEL_MAX).trim();
}

/** Splits an already percent-decoded label at its FIRST colon (later colons belong to the account). */
export function splitLabel(label: string): { prefix: string; account: string } {
  const colon = label.indexOf(':');
  // A label without a colon is the account name (the spec's ABNF), not the issuer.
  if (colon < 0) return { prefix: '', account: safeLabel(label) };
  // Spaces after the colon ("Issuer: alice") are decoration, not part of the name.
  return { prefix: safeLabel(label.slice(0, colon)), account: safeLabel(label.slice(colon + 1)) };
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
