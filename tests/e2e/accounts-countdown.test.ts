/**
 * The countdown tells the truth after a trip to another view (issue 8): the
 * list stays mounted but hidden while the guided set-up is open, and its CSS
 * animations stop; coming back, each bar must be derived again from the
 * code's validFrom/validUntil and the clock. The page clock is paused and
 * moved by the test; a fresh window at the same moment is the reference.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { useAppSession } from '../support/app-session';
import { openApp } from '../support/browser';

// 20 s into a 30 s period.
const T = 1_700_000_000_000;
const AWAY_MS = 7_000; // back at 27 s: in the last five seconds, the warning colour
const clock = fixedClock(T);
const session = useAppSession({
  bridge: () => {
    clock.set(T);
    return { clock };
  },
});

beforeEach(async () => {
  await session.bridge.call('accounts.add', {
    uri: 'otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  });
});

interface Phase {
  /** How far the bar has drained (0..1) and whether the warning layer shows, from the running animations. */
  drained: number;
  warning: number;
  elapsedVar: string;
}

async function phase(page: Page): Promise<Phase> {
  const timed = page.locator('li.row .timed:not(.is-static)').first();
  await timed.waitFor();
  return timed.evaluate((el) => {
    const progressOf = (selector: string, name: string) => {
      const target = el.querySelector(selector)!;
      const animation = target.getAnimations().find((a) => (a as CSSAnimation).animationName === name);
      return animation?.effect?.getComputedTiming().progress ?? -1;
    };
    return {
      drained: progressOf('.countdown-fill:not(.is-warn)', 'drain'),
      warning: Number(getComputedStyle(el.querySelector('.code-warn')!).opacity),
      elapsedVar: (el as HTMLElement).style.getPropertyValue('--elapsed'),
    };
  });
}

describe('countdown after returning to the list', () => {
  it('matches a freshly opened window at the same moment', async () => {
    const { page } = await session.open({ frozenAt: T });
    const start = await phase(page);
    expect(start.elapsedVar).toBe('-20s');

    await page.locator('.app-header').getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    clock.set(T + AWAY_MS);
    await page.clock.runFor(AWAY_MS); // also lets React reveal the lazily loaded view
    await page.getByRole('heading', { name: 'Open your portal' }).waitFor();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('li.row').first().waitFor();
    const back = await phase(page);

    // On demand, once: T on the row says the code and the seconds left (the bar itself is silent).
    await page.locator('li.row .row-copy').first().focus();
    await page.keyboard.press('t');
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toMatch(/^GitHub: (\d ){5}\d, 3 seconds left\u200b?$/);

    const fresh = await openApp(session.browser, session.bridge, { frozenAt: T + AWAY_MS });
    const reference = await phase(fresh.page);
    await fresh.context.close();

    expect(reference.elapsedVar).toBe('-27s');
    expect(back.elapsedVar).toBe(reference.elapsedVar);
    // The animations run on real time from their (re)start: allow a second of test time between the two reads.
    expect(Math.abs(back.drained - reference.drained)).toBeLessThan(1 / 30 + 0.01);
    expect(back.drained).toBeGreaterThan(0.85);
    expect(back.warning).toBe(reference.warning);
  });
});
