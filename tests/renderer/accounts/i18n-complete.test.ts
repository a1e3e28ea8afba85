/**
 * English and Norwegian bokmål are both complete: the same keys in every namespace this UI uses, none empty.
 * Every namespace folder under renderer/features must be listed here (checked below), and error sentences
 * are checked per ErrorCode in tests/renderer/components/error-text.test.ts.
 */
import { describe, expect, it } from 'vitest';
import commonEn from '../../../renderer/i18n/en.json';
import commonNb from '../../../renderer/i18n/nb.json';
import accountsEn from '../../../renderer/features/accounts/i18n/en.json';
import accountsNb from '../../../renderer/features/accounts/i18n/nb.json';
import addEn from '../../../renderer/features/add-account/i18n/en.json';
import addNb from '../../../renderer/features/add-account/i18n/nb.json';
import enrollEn from '../../../renderer/features/enroll/i18n/en.json';
import enrollNb from '../../../renderer/features/enroll/i18n/nb.json';
import settingsEn from '../../../renderer/features/settings/i18n/en.json';
import settingsNb from '../../../renderer/features/settings/i18n/nb.json';
import desktopEn from '../../../renderer/features/desktop/i18n/en.json';
import desktopNb from '../../../renderer/features/desktop/i18n/nb.json';
import importEn from '../../../renderer/features/import/i18n/en.json';
import importNb from '../../../renderer/features/import/i18n/nb.json';
import exportEn from '../../../renderer/features/export/i18n/en.json';
import exportNb from '../../../renderer/features/export/i18n/nb.json';
import backupEn from '../../../renderer/features/backup/i18n/en.json';
import backupNb from '../../../renderer/features/backup/i18n/nb.json';

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
  ['enroll', enrollEn, enrollNb],
  ['settings', settingsEn, settingsNb],
  ['desktop', desktopEn, desktopNb],
  ['import', importEn, importNb],
  ['export', exportEn, exportNb],
  ['backup', backupEn, backupNb],
])('%s strings', (_name, en, nb) => {
  it('have the same keys in English and Norwegian', () => {
    expect(keys(nb).sort()).toEqual(keys(en).sort());
  });

  it('have no empty strings', () => {
    expect([...values(en), ...values(nb)].filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });
});

it('covers every feature that has strings', async () => {
  const { readdirSync, existsSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const features = resolve(import.meta.dirname, '../../../renderer/features');
  const withStrings = readdirSync(features).filter((name) => existsSync(join(features, name, 'i18n/en.json')));
  expect(withStrings.sort()).toEqual([
    'accounts',
    'add-account',
    'backup',
    'desktop',
    'enroll',
    'export',
    'import',
    'settings',
  ]);
});
