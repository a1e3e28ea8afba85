/**
 * SettingsProvider keeps a click on screen while main saves it: a reload set
 * off by an earlier change (settings-changed → settings.get) can answer with
 * what main had before this click, and must not undo it. Main is a stand-in
 * whose settings.set answers only when the test says so.
 */
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthenticatorApi } from '../../../common/ipc/contract';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../common/settings';
import { initI18n } from '../../../renderer/i18n';
import { SettingsProvider, useSettings, type SettingsState } from '../../../renderer/settings/SettingsProvider';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let saved: Settings;
let changed: () => void;
let answerSet: (
  outcome: { ok: true; value: Settings } | { ok: false; error: { code: string; message: string } },
) => void;
let root: Root;
let host: HTMLElement;
const probe: { state?: SettingsState } = {};

function Probe() {
  const current = useSettings();
  useEffect(() => {
    probe.state = current;
  });
  return <span data-clock={String(current.settings.clockCheck)} />;
}
const shown = () => host.querySelector('span')!.getAttribute('data-clock');

beforeAll(async () => {
  await initI18n('en');
  // jsdom has no matchMedia; the theme follows the system through it.
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }) as unknown as MediaQueryList;
});

beforeEach(async () => {
  saved = { ...DEFAULT_SETTINGS, clockCheck: true };
  window.authenticator = {
    settings: {
      get: async () => ({ ok: true, value: { ...saved } }),
      set: (patch: SettingsPatch) =>
        new Promise((resolve) => {
          answerSet = (outcome) => {
            if (outcome.ok) saved = { ...saved, ...patch };
            resolve(outcome.ok ? { ok: true, value: { ...saved } } : outcome);
          };
        }),
    },
    events: {
      onSettingsChanged: (listener: () => void) => {
        changed = listener;
        return () => undefined;
      },
    },
  } as unknown as AuthenticatorApi;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root.render(
      <SettingsProvider initial={saved}>
        <Probe />
      </SettingsProvider>,
    ),
  );
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('SettingsProvider', () => {
  it('a reload that answers with the old value does not undo a change still being saved', async () => {
    let done!: Promise<void>;
    await act(async () => {
      done = probe.state!.update({ clockCheck: false });
    });
    expect(shown()).toBe('false');

    // An earlier change's settings-changed event: main answers with what it has, clockCheck still true.
    await act(async () => changed());
    await act(async () => undefined);
    expect(shown()).toBe('false');

    await act(async () => {
      answerSet({ ok: true, value: saved });
      await done;
    });
    expect(shown()).toBe('false');
    expect(saved.clockCheck).toBe(false);
  });

  it('goes back when main refuses the change, and a later reload shows what main has', async () => {
    let done!: Promise<void>;
    await act(async () => {
      done = probe.state!.update({ clockCheck: false });
    });
    expect(shown()).toBe('false');
    await act(async () => {
      answerSet({ ok: false, error: { code: 'managed-by-policy', message: 'Set by your organisation.' } });
      await done.catch(() => undefined);
    });
    expect(shown()).toBe('true');
    await act(async () => changed());
    await act(async () => undefined);
    expect(shown()).toBe('true');
  });
});
