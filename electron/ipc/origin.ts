/**
 * Our own origin. The renderer bundle is served from a privileged custom
 * scheme, never from file:// or http://, so "is this us?" is one exact check
 * on scheme and host with a real URL parser (string prefixes can be fooled:
 * app://authdesk.evil). Plain module: registry, window policy and protocol share it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'authdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for app://authdesk/… (and the bare origin app://authdesk), false for anything else or garbage. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
