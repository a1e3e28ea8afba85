/**
 * Verify a backup: what differs is worded by the page in its language, from
 * main's field-by-field changes (main's English sentence is for the CLI).
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyView } from '../../../common/transfer-export';
import { VerifyReport } from '../../../renderer/features/export/VerifyBackupSection';
import { i18next, initI18n } from '../../../renderer/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const report: VerifyView = {
  ok: false,
  fileName: 'authdesk-backup-2026-12-05.json',
  formatName: 'Authdesk backup',
  inBackup: 3,
  inVault: 3,
  matching: 2,
  missing: [],
  extra: [],
  different: ['GitHub (octo): digits 6 in the backup, 8 here'],
  changes: [
    {
      account: 'GitHub (octo)',
      fields: [
        { field: 'digits', inBackup: '6', here: '8' },
        { field: 'issuer', inBackup: '"Github"', here: '"GitHub"' },
      ],
    },
  ],
};

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});
beforeAll(async () => {
  await initI18n('en');
});

async function render(language: 'en' | 'nb'): Promise<string> {
  await i18next.changeLanguage(language);
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<VerifyReport report={report} />));
  return host.textContent ?? '';
}

describe('VerifyReport', () => {
  it('words each change in English', async () => {
    const text = await render('en');
    expect(text).toContain(
      'Changed since the backup: GitHub (octo): digits 6 in the backup, 8 here, issuer "Github" in the backup, "GitHub" here',
    );
    expect(text).toContain('2 accounts match (Authdesk backup, 3 in the backup).');
  });

  it('and in Norwegian, field names included', async () => {
    const text = await render('nb');
    expect(text).toContain(
      'Endret siden sikkerhetskopien: GitHub (octo): antall sifre 6 i sikkerhetskopien, 8 her, utsteder "Github" i sikkerhetskopien, "GitHub" her',
    );
    expect(text).toContain('Authdesk-sikkerhetskopi');
    expect(text).not.toMatch(/in the backup|digits/);
  });
});
