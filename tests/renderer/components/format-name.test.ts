/**
 * Format names from main (English) shown in the user's language: product names
 * kept, English words around them translated; every English base name the
 * importers write is in the table, so a new one fails here until translated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASES, localFormatName } from '../../../renderer/components/format-name';
import { i18next, initI18n } from '../../../renderer/i18n';

const cases: [string, string, string][] = [
  ['Aegis (encrypted)', 'Aegis (encrypted)', 'Aegis (kryptert)'],
  ['2FAS (plain)', '2FAS (plain)', '2FAS (ukryptert)'],
  ['Authdesk backup', 'Authdesk backup', 'Authdesk-sikkerhetskopi'],
  [
    'Stratum / Authenticator Pro (encrypted, legacy)',
    'Stratum / Authenticator Pro (encrypted, legacy)',
    'Stratum / Authenticator Pro (kryptert, eldre)',
  ],
  ['andOTP (encrypted, old format)', 'andOTP (encrypted, old format)', 'andOTP (kryptert, gammelt format)'],
  ['list of otpauth:// links', 'list of otpauth:// links', 'liste med otpauth://-lenker'],
  ['Google Authenticator transfer', 'Google Authenticator transfer', 'Google Authenticator-overføring'],
  ['Bitwarden (CSV)', 'Bitwarden (CSV)', 'Bitwarden (CSV)'],
  ['Some New App (strange)', 'Some New App (strange)', 'Some New App (strange)'],
];

describe('localFormatName', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it.each(cases)('%s in English and Norwegian', async (name, en, nb) => {
    await i18next.changeLanguage('en');
    expect(localFormatName(name, i18next.t)).toBe(en);
    await i18next.changeLanguage('nb');
    expect(localFormatName(name, i18next.t)).toBe(nb);
  });

  it('knows every English base name the importers write', () => {
    const dir = path.resolve(import.meta.dirname, '../../../core/transfer');
    const written = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/(?:const NAME = |formatName: )'([^']+)'/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(8);
    // Names made only of product names need no translation; one with an English word must be in the table.
    const english = [...written].filter((n) => /\b(backup|transfer|list|links)\b/.test(n));
    expect(english.length).toBeGreaterThan(2);
    for (const name of english) expect(Object.keys(BASES)).toContain(name);
  });
});
