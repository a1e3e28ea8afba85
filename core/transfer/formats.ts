/** Every importer, in the order detection tries them (most specific first). */
import { aegisImporter } from './aegis';
import { andotpImporter } from './andotp';
import { authdeskBackupImporter } from './authdesk-backup';
import { authenticatorPlusImporter } from './authenticator-plus';
import { bitwardenCsvImporter, bitwardenJsonImporter } from './bitwarden';
import { freeotpBackupImporter } from './freeotp-backup';
import { freeotpPlusImporter } from './freeotp-plus';
import { migrationImporter, otpauthListImporter } from './otpauth-list';
import { protonImporter } from './proton';
import { steamImporter } from './steam';
import { stratumImporter } from './stratum';
import { totpAuthenticatorImporter } from './totp-authenticator';
import { twofasImporter } from './twofas';
import type { ImportFormat, Importer } from './types';

export const IMPORTERS: readonly Importer[] = [
  authdeskBackupImporter,
  aegisImporter,
  twofasImporter,
  bitwardenJsonImporter,
  freeotpPlusImporter,
  protonImporter,
  stratumImporter,
  steamImporter,
  freeotpBackupImporter, // Java serialization magic
  authenticatorPlusImporter, // a zip naming Accounts.txt
  migrationImporter,
  otpauthListImporter,
  bitwardenCsvImporter,
  totpAuthenticatorImporter, // after the text formats: it claims any long base64 text
  andotpImporter, // last: its encrypted files have no magic, so it claims leftover binary
];

export const FORMAT_IDS: readonly ImportFormat[] = IMPORTERS.map((i) => i.id);

export function importerFor(format: string): Importer | undefined {
  return IMPORTERS.find((i) => i.id === format);
}

/** "aegis (Aegis), 2fas (2FAS), ...": for the unknown-format message and --help. */
export function knownFormatsText(): string {
  return IMPORTERS.map((i) => `${i.id} (${i.name})`).join(', ');
}

/** Id and name of every format, for a "Format" picker. */
export const IMPORT_FORMAT_LIST: readonly { id: ImportFormat; name: string }[] = IMPORTERS.map(({ id, name }) => ({
  id,
  name,
}));
