/**
 * Turns what keytar throws into an AuthdeskError a person can act on. keytar
 * only gives message strings (no codes), so we recognise the ways a Secret
 * Service / Keychain / Credential Manager can be *absent or closed* and call
 * everything else a failed operation.
 */
import { AuthdeskError } from '../../common/errors';

export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'No Secret Service is running: install and start gnome-keyring (or KWallet) — see the README, Troubleshooting.';

export const KEYTAR_MISSING_MESSAGE =
  "Authdesk's keychain module (keytar) could not be loaded: run `apt-get install libsecret-1-dev && npm rebuild keytar` — see the README, Troubleshooting.";

// No session bus, no Secret Service on it, no default collection (nobody ever
// unlocked a keyring), a locked collection, or a dismissed unlock prompt.
const UNAVAILABLE_PATTERNS = [
  /could not connect/i,
  /cannot autolaunch d-bus/i,
  /dbus_session_bus_address/i,
  /given address is empty/i, // DBUS_SESSION_BUS_ADDRESS set but empty
  /org\.freedesktop\.dbus\.error/i,
  /was not provided by any \.service files/i,
  /object does not exist at path/i,
  /no such (object|interface)/i,
  /\blocked\b/i,
  /prompt (was )?dismissed/i,
  /cancelled/i,
  /secret service/i,
  /user interaction is not allowed/i, // macOS: keychain locked and no UI
];

export function isUnavailable(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return UNAVAILABLE_PATTERNS.some((p) => p.test(message));
}

/** Wraps an error from one keytar call; `what` says which operation, for the message. */
export function keychainError(err: unknown, what: string): AuthdeskError {
  if (err instanceof AuthdeskError) return err;
  if (isUnavailable(err))
    return new AuthdeskError('keychain-unavailable', KEYCHAIN_UNAVAILABLE_MESSAGE, { cause: err });
  // keytar messages are short and never contain the secret: keep one line of it for diagnosis.
  const detail = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 160);
  return new AuthdeskError('keychain-failed', `The keychain refused to ${what}${detail ? ` (${detail})` : ''}.`, {
    cause: err,
  });
}
