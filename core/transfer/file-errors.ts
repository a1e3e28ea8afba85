/** The errors every importer throws, worded the same way everywhere. */
import { AuthdeskError } from '../../common/errors';

/** The password did not open the file. Never "damaged": the user should retry, not give up. */
export function wrongPassword(formatName: string): AuthdeskError {
  return new AuthdeskError(
    'wrong-password',
    `Wrong password: it does not open this ${formatName} file. Nothing was imported.`,
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
