/** English and Norwegian bokmål are both complete: the same keys in every namespace this UI uses, none empty. */
import { describe, expect, it } from 'vitest';
import commonEn from '../../../renderer/i18n/en.json';
import commonNb from '../../../renderer/i18n/nb.json';
import accountsEn from '../../../renderer/features/accounts/i18n/en.json';
import accountsNb from '../../../renderer/features/accounts/i18n/nb.json';
import addEn from '../../../renderer/features/add-account/i18n/en.json';
import addNb from '../../../renderer/features/add-account/i18n/nb.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function values(value: unknown): unknown[] {
  return typeof value === 'object' && value !== null ? Object.values(value).flatMap(values) : [value];
}

describe.each([
  ['common', commonEn, commonNb],
  ['accounts', accountsEn, accountsNb],
  ['add-account', addEn, addNb],
])('%s strings', (_name, en, nb) => {
  it('have the same keys in English and Norwegian', () => {
    expect(keys(nb).sort()).toEqual(keys(en).sort());
  });

  it('have no empty strings', () => {
    expect([...values(en), ...values(nb)].filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });
});
