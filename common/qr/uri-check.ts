/**
 * Does a decoded text claim to be an authenticator key? The decoder only asks
 * this to decide whether to keep looking (DecodeOptions.wantOtp); it never
 * judges or drops a text: main's parser gives the verdict when one is added.
 */
const OTPAUTH = /^otpauth:\/\//i;
const MIGRATION = /^otpauth-migration:\/\//i;

export function isAuthenticatorText(text: string): boolean {
  return OTPAUTH.test(text) || MIGRATION.test(text);
}
