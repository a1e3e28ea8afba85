/**
 * Accessibility audit with axe-core in real Chromium, on the production
 * bundle and real handlers: the main screens in both colour schemes must have
 * no serious or critical violations. (CSP is bypassed in this file only, to
 * inject axe; every other test runs under the app's real CSP.)
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { useAppSession } from '../support/app-session';
import { repoRoot } from '../support/vectors';

const T = 1_700_000_000_000;
const axePath = path.join(repoRoot, 'node_modules/axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const session = useAppSession({ bridge: () => ({ clock: fixedClock(T) }) });

/** Serious and critical axe violations on the page as it is now, in a readable form. */
async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function seed(): Promise<void> {
  await session.bridge.call('accounts.add', {
    uri: 'otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  });
  await session.bridge.call('accounts.add', {
    manual: { issuer: 'Bank', name: 'counter', secret: 'GEZDGNBVGY3TQOJQ', type: 'hotp' },
  });
}

// The theme follows the system by default: emulating the OS scheme covers both themes.
for (const colorScheme of ['light', 'dark'] as const) {
  describe(`accessibility, ${colorScheme} theme`, () => {
    const open = async () => {
      // The clock runs (from T): axe schedules its work with timers, which a paused clock would never fire.
      return (await session.open({ frozenAt: T, clockRuns: true, colorScheme, bypassCSP: true })).page;
    };

    it('empty state', async () => {
      const page = await open();
      await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
      expect(await audit(page)).toEqual([]);
    });

    it('account list, with a row focused and its menu open', async () => {
      await seed();
      const page = await open();
      await page.locator('li.row .code[data-code]:not([data-code=""])').first().waitFor();
      expect(await audit(page)).toEqual([]);
      await page.locator('li.row .row-copy').first().focus();
      await page.getByRole('button', { name: 'Actions for GitHub' }).click();
      await page.getByRole('menu').waitFor();
      expect(await audit(page)).toEqual([]);
    });

    it('settings page, in English and Norwegian, with a field error shown', async () => {
      const page = await open();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await audit(page)).toEqual([]);
      const portal = page.getByLabel('The portal the guided set-up opens');
      await portal.fill('http://example.org');
      await portal.press('Enter');
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Language').selectOption('nb');
      await page.getByRole('heading', { name: 'Innstillinger' }).waitFor();
      expect(await audit(page)).toEqual([]);
    });

    it('add-account forms, with an error shown and the advanced options open', async () => {
      const page = await open();
      await page.getByRole('button', { name: 'Add manually / paste link' }).first().click();
      await page.getByLabel('Setup link').fill('otpauth://totp/ACME:bob?issuer=ACME');
      await page.getByRole('button', { name: 'Add account' }).click();
      await page.locator('.add-view [role="alert"]').waitFor();
      expect(await audit(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Enter a key' }).click();
      await page.getByText('Advanced').click();
      expect(await audit(page)).toEqual([]);
    });
  });
}
