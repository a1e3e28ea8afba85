/**
 * The desktop notices and strings. Main is a small stand-in answering
 * app.desktopStatus / app.info / settings.set (the e2e tests drive the real
 * bridge); i18n is the app's own, in both languages.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticatorApi, DesktopStatus } from '../../../common/ipc/contract';
import { initI18n, i18next } from '../../../renderer/i18n';
import { DesktopStatusBanner } from '../../../renderer/features/desktop/DesktopStatusBanner';
import { formatOffset } from '../../../renderer/features/desktop/clock-advice';
import en from '../../../renderer/features/desktop/i18n/en.json';
import nb from '../../../renderer/features/desktop/i18n/nb.json';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | null = null;
let host: HTMLElement;
let status: DesktopStatus;
const patches: unknown[] = [];

const none = () => () => undefined;
beforeAll(async () => {
  await initI18n('en');
  window.authenticator = {
    app: {
      desktopStatus: async () => ({ ok: true, value: structuredClone(status) }),
      info: async () => ({ ok: true, value: { platform: 'win32' } }),
    },
    settings: {
      set: async (patch: unknown) => {
        patches.push(patch);
        status.clock.applied = true;
        return { ok: true, value: {} };
      },
    },
    events: { onDesktopStatusChanged: none, onSettingsChanged: none },
  } as unknown as AuthenticatorApi;
});
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

async function render() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<DesktopStatusBanner />));
  await act(async () => undefined);
}

const clock = (over: Partial<DesktopStatus['clock']>): DesktopStatus['clock'] => ({
  state: 'ok',
  offsetMs: 0,
  server: 'selfservice.educloud.no',
  checkedAt: 1,
  applied: false,
  ...over,
});
const shortcut: DesktopStatus['shortcut'] = { accelerator: 'CommandOrControl+Alt+A', registered: true, problem: null };

describe('desktop notices', () => {
  it('show nothing when all is well', async () => {
    status = { shortcut, clock: clock({}) };
    await render();
    expect(host.textContent).toBe('');
  });

  it('say when the shortcut is taken by another program', async () => {
    status = { shortcut: { ...shortcut, registered: false, problem: 'taken' }, clock: clock({}) };
    await render();
    expect(host.textContent).toContain('CommandOrControl+Alt+A is already used by another program');
  });

  it('warn about a skewed clock with the Windows fix, and offer to shift codes', async () => {
    status = { shortcut, clock: clock({ state: 'skewed', offsetMs: 42_400 }) };
    await render();
    expect(host.textContent).toContain("This computer's clock is +42 s off compared with selfservice.educloud.no");
    expect(host.textContent).toContain('Set time automatically');
    const apply = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Shift codes by this amount')!;
    await act(async () => apply.click());
    await act(async () => undefined);
    expect(patches).toEqual([{ applyClockOffset: true }]);
    expect(host.textContent).toContain('Codes are shifted by +42 s');
  });

  it('say when the clock could not be checked (offline), without blocking anything', async () => {
    status = { shortcut, clock: clock({ state: 'offline', offsetMs: null }) };
    await render();
    expect(host.textContent).toContain('could not be checked');
  });

  it('format offsets both ways', () => {
    expect(formatOffset(-3_000)).toBe('−3 s');
    expect(i18next.language).toBe('en');
  });
});

describe('desktop strings', () => {
  const keys = (v: unknown, p = ''): string[] =>
    typeof v !== 'object' || v === null ? [p] : Object.entries(v).flatMap(([k, x]) => keys(x, p ? `${p}.${k}` : k));
  it('English and Norwegian have the same keys, none empty', () => {
    expect(keys(nb).sort()).toEqual(keys(en).sort());
    expect(JSON.stringify([en, nb])).not.toMatch(/""/);
  });
});
