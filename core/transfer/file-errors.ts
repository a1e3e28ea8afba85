/** The errors every importer throws, worded the same way everywhere. */
import { AuthdeskError } from '../../common/errors';

/** The password did not open the file. Never "damaged": the user should retry, not give up. */
export function wrongPassword(formatName: string): AuthdeskError {
  return new AuthdeskError(
    'wrong-password',
    `Wrong password: it does not open this ${formatName} file. Nothing was imported.`,
  );
}

/**
 * Legacy ZipCrypto checks a password on one byte: a wrong password passes that check once in 256 tries,
 * and then fails the content's checksum exactly as a changed file does. Both are said, and the password
 * is asked for again (a retry with the right one settles it).
 */
export function wrongPasswordOrDamaged(formatName: string, where: string): AuthdeskError {
  return new AuthdeskError(
    'wrong-password-or-damaged',
    `Wrong password, or this ${formatName} file is damaged: ${where} does not open with this password, and ` +
      'its ZipCrypto encryption cannot tell the two apart. Try the password again; if it is right, the file was ' +
      'changed. Nothing was imported.',
  );
}

export function passwordRequired(formatName: string): AuthdeskError {
  return new AuthdeskError(
    'password-required',
    `This ${formatName} file is encrypted: give its password (--password-file in the CLI).`,
  );
}

/** The file is in the format but broken: say what and where. */
export function damaged(formatName: string, where: string, what: string): AuthdeskError {
  return new AuthdeskError('damaged-file', `This ${formatName} file is damaged at ${where}: ${what}.`);
}
