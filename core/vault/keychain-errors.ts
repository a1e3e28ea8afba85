/**
 * One message per keychain state, so a person (and a script, by the code) can
 * tell them apart. "No Secret Service is running" is said only when none is:
 * a running but locked keychain has its own message, as do a missing session
 * bus and a keychain daemon that went away in the middle of an operation.
 */
import { AuthdeskError } from '../../common/errors';

export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'No Secret Service is running: install and start gnome-keyring (or KWallet) — see the README, Troubleshooting.';

export const KEYCHAIN_LOCKED_MESSAGE =
  'Your keychain is locked: unlock it (log in to the desktop session, or open Passwords and Keys) and try again. `authdesk list` works without it.';

export const KEYCHAIN_UNLOCK_DISMISSED_MESSAGE =
  'Your keychain is still locked: the unlock prompt was dismissed. Nothing was changed.';

export const KEYCHAIN_NO_DBUS_MESSAGE =
  'No D-Bus session bus was found (DBUS_SESSION_BUS_ADDRESS is not set or nothing answers there), so Authdesk cannot reach the keychain: run it inside your desktop session — see the README, Troubleshooting.';

export const KEYCHAIN_GONE_MESSAGE =
  'The keychain service stopped while Authdesk was using it; that operation did not finish and nothing else was changed. Log in again (or restart gnome-keyring) and retry — `authdesk doctor` checks what is left.';

export const KEYCHAIN_NO_DEFAULT_MESSAGE =
  'The Secret Service is running but has no default keyring: create one (Passwords and Keys, or KWallet) and try again.';

export const KEYTAR_MISSING_MESSAGE =
  "Authdesk's keychain module (keytar) could not be loaded: run `npm rebuild keytar` — see the README, Troubleshooting.";

export const keychainLocked = (cause?: unknown, dismissed = false) =>
  new AuthdeskError('keychain-locked', dismissed ? KEYCHAIN_UNLOCK_DISMISSED_MESSAGE : KEYCHAIN_LOCKED_MESSAGE, {
    cause,
  });
export const keychainNoDbus = (cause?: unknown) =>
  new AuthdeskError('keychain-no-dbus', KEYCHAIN_NO_DBUS_MESSAGE, { cause });
export const keychainGone = (cause?: unknown) => new AuthdeskError('keychain-gone', KEYCHAIN_GONE_MESSAGE, { cause });
export const keychainUnavailable = (cause?: unknown, message = KEYCHAIN_UNAVAILABLE_MESSAGE) =>
  new AuthdeskError('keychain-unavailable', message, { cause });

/** A failed operation that is none of the states above; keeps one short line of the backend's words. */
export function keychainFailed(err: unknown, what: string): AuthdeskError {
  const detail = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 160);
  return new AuthdeskError('keychain-failed', `The keychain refused to ${what}${detail ? ` (${detail})` : ''}.`, {
    cause: err,
  });
}

// keytar (macOS Keychain, Windows Credential Manager) only gives message strings.
const KEYTAR_LOCKED = [/\blocked\b/i, /user interaction is not allowed/i, /prompt (was )?dismissed/i, /cancell?ed/i];
const KEYTAR_NO_DBUS = [
  /could not connect/i,
  /cannot autolaunch d-bus/i,
  /dbus_session_bus_address/i,
  /given address/i,
];
const KEYTAR_NO_SERVICE = [/was not provided by any \.service files/i, /secret service/i, /serviceunknown/i];

/** Wraps an error from one keytar call; `what` says which operation, for the message. */
export function keychainError(err: unknown, what: string): AuthdeskError {
  if (err instanceof AuthdeskError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (KEYTAR_LOCKED.some((p) => p.test(message))) return keychainLocked(err);
  if (KEYTAR_NO_DBUS.some((p) => p.test(message))) return keychainNoDbus(err);
  if (KEYTAR_NO_SERVICE.some((p) => p.test(message))) return keychainUnavailable(err);
  return keychainFailed(err, what);
}
