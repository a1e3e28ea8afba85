/**
 * An import or backup format's name in the user's language. Main names formats
 * in English ("Aegis (encrypted)", "Authdesk backup"); product names stay as
 * they are, the English words around them are translated here. A name this
 * table does not know is shown as main wrote it, never dropped.
 */
import type { TFunction } from 'i18next';

/** English base names main writes → key under `formatNames.base`. */
export const BASES: Record<string, string> = {
  'Authdesk backup': 'authdesk',
  'Authenticator Plus backup': 'authenticatorPlus',
  'FreeOTP 2 backup': 'freeotp2',
  'Google Authenticator transfer': 'googleTransfer',
  'list of otpauth:// links': 'otpauthList',
};

/** English qualifiers in the parentheses → key under `formatNames.qualifier`. */
export const QUALIFIERS: Record<string, string> = {
  plain: 'plain',
  encrypted: 'encrypted',
  legacy: 'legacy',
  'old format': 'oldFormat',
};

export function localFormatName(name: string, t: TFunction): string {
  const m = /^(.*?)(?: \(([^()]*)\))?$/.exec(name);
  const base = m?.[1] ?? name;
  const baseKey = BASES[base];
  const shownBase = baseKey ? t(`common:formatNames.base.${baseKey}`) : base;
  if (!m?.[2]) return shownBase;
  const qualifiers = m[2].split(', ').map((q) => {
    const key = QUALIFIERS[q];
    return key ? t(`common:formatNames.qualifier.${key}`) : q;
  });
  return `${shownBase} (${qualifiers.join(', ')})`;
}
