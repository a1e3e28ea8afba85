/**
 * A quick shape check of decoded authenticator links. It never drops a text:
 * a symbol that decoded with valid error correction says exactly what was
 * printed, so a broken link is shown to the user with the reason (main's
 * full parser gives the final word when the user adds it).
 */
const OTPAUTH = /^otpauth:\/\//i;
const MIGRATION = /^otpauth-migration:\/\//i;

export function isAuthenticatorText(text: string): boolean {
  return OTPAUTH.test(text) || MIGRATION.test(text);
}

function query(text: string): URLSearchParams | null {
  const at = text.indexOf('?');
  if (at < 0) return null;
  try {
    return new URLSearchParams(text.slice(at + 1));
  } catch {
    return null;
  }
}

/** undefined when the link looks usable, otherwise a sentence for the user. */
export function uriProblem(text: string): string | undefined {
  if (MIGRATION.test(text)) {
    const data = query(text)?.get('data');
    if (!data) return 'This Google Authenticator transfer code carries no account data.';
    if (!/^[A-Za-z0-9+/=\s_-]+$/.test(data))
      return 'This Google Authenticator transfer code is damaged: its account data is not base64.';
    return undefined;
  }
  if (!OTPAUTH.test(text)) return undefined;
  const type = /^otpauth:\/\/([^/?]*)/i.exec(text)?.[1]?.toLowerCase() ?? '';
  if (!['totp', 'hotp', 'steam'].includes(type))
    return `This authenticator link has an unknown type "${type}" (expected totp or hotp).`;
  const params = query(text);
  const secret = params?.get('secret');
  if (!secret) return 'This authenticator link has no secret.';
  if (!/^[A-Za-z2-7=\s-]+$/.test(secret)) return 'The secret in this authenticator link is not valid base32.';
  return undefined;
}
