/**
 * Bitwarden exports: JSON `items[].login.totp`, or CSV with a `login_totp`
 * column (read with papaparse: quoted fields, commas and newlines inside
 * notes). The value is an otpauth link, `steam://SECRET`, or a bare base32
 * key; the item name is only a display name, used when the link has no label.
 */
import Papa from 'papaparse';
import { parseOtpauthUri } from '../otp/uri-parse';
import { EntryCollector, makeEntry } from './entry';
import { damaged } from './file-errors';
import { isObject } from './safe-json';
import type { ImportedEntry, Importer, ImportResult } from './types';

function fromTotpField(totp: string, itemName: string): ImportedEntry {
  const value = totp.trim();
  if (/^(otpauth|steam):\/\//i.test(value)) {
    const draft = parseOtpauthUri(value);
    if (draft.type === 'steam' && !draft.name) return { ...draft, name: itemName };
    if (!draft.issuer && !draft.name) return { ...draft, issuer: itemName };
    return draft;
  }
  return makeEntry({ type: 'totp', issuer: itemName, name: '', secret: value });
}

function isBitwardenJson(json: unknown): json is { items: unknown[] } {
  return isObject(json) && Array.isArray(json.items) && ('encrypted' in json || 'folders' in json);
}

function collect(
  rows: { name: string; totp: string }[],
  formatName: string,
  format: 'bitwarden-json' | 'bitwarden-csv',
  where: string,
): ImportResult {
  const found = new EntryCollector();
  rows.forEach((row, i) => {
    if (!row.totp.trim()) return; // a login without two-factor key: nothing to import
    found.add(`${where} ${i + 1}`, { name: row.name }, () => fromTotpField(row.totp, row.name));
  });
  return { format, formatName, ...found };
}

export const bitwardenJsonImporter: Importer = {
  id: 'bitwarden-json',
  name: 'Bitwarden (JSON)',
  detect: (input) => isBitwardenJson(input.json),
  async parse(input) {
    const file = input.json;
    if (!isBitwardenJson(file)) throw damaged('Bitwarden', 'the top level', 'there is no items list');
    if ((file as Record<string, unknown>).encrypted === true)
      throw damaged(
        'Bitwarden',
        'encrypted',
        'this is an encrypted Bitwarden export: export it again as unencrypted JSON or CSV',
      );
    const rows = file.items.map((item) => {
      const it = isObject(item) ? item : {};
      const login = isObject(it.login) ? it.login : {};
      return {
        name: typeof it.name === 'string' ? it.name : '',
        totp: typeof login.totp === 'string' ? login.totp : '',
      };
    });
    return collect(rows, 'Bitwarden (JSON)', 'bitwarden-json', 'item');
  },
};

function csvHeader(text: string | null): string[] {
  const first = text?.split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
}

export const bitwardenCsvImporter: Importer = {
  id: 'bitwarden-csv',
  name: 'Bitwarden (CSV)',
  detect: (input) => input.json === undefined && csvHeader(input.text).includes('login_totp'),
  async parse(input) {
    const parsed = Papa.parse<Record<string, string>>(input.text ?? '', { header: true, skipEmptyLines: true });
    if (!parsed.meta.fields?.includes('login_totp'))
      throw damaged('Bitwarden CSV', 'the header line', 'there is no login_totp column');
    const broken = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'FieldMismatch');
    if (broken) throw damaged('Bitwarden CSV', `row ${(broken.row ?? 0) + 1}`, broken.message.toLowerCase());
    const rows = parsed.data.map((r) => ({ name: r.name ?? '', totp: r.login_totp ?? '' }));
    return collect(rows, 'Bitwarden (CSV)', 'bitwarden-csv', 'row');
  },
};
