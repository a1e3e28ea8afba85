/**
 * The user's settings for the whole renderer: read once at start (main.tsx,
 * before the first paint), kept in step with main (settings-changed events,
 * e.g. the tray or another window), and applied at once: language, theme,
 * large digits. `update` writes any subset through settings.set; the screen
 * shows the change at once and goes back if main refuses it. Changes still on
 * their way to main are laid over anything read back meanwhile: a reload set
 * off by an earlier change must not undo a later click (it did, for a moment).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../common/settings';
import { bridge, unwrap } from '../api';
import { applyLanguage } from '../components/language';
import { useLatest } from '../components/useLatest';
import { applyTheme } from './theme';

export interface SettingsState {
  settings: Settings;
  /** Saves and applies a change; rejects (with an ApiError) when main refused it, after going back. */
  update(patch: SettingsPatch): Promise<void>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Reads the saved settings; a bridge that cannot answer yet gives the defaults. */
export async function loadSettings(): Promise<Settings> {
  try {
    return await unwrap(bridge().settings.get());
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** What the settings change on the page itself, outside React: applied before the first paint too. */
export function applyToDocument(settings: Settings): () => void {
  document.documentElement.toggleAttribute('data-large-digits', settings.largeDigits);
  return applyTheme(settings.theme);
}

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  // Patches sent to main and not answered yet, in the order they were made.
  const inFlight = useRef(new Map<number, SettingsPatch>());
  const nextId = useRef(0);
  const withInFlight = useCallback(
    (saved: Settings): Settings => Object.assign({ ...saved }, ...inFlight.current.values()) as Settings,
    [],
  );

  useEffect(
    () =>
      bridge().events.onSettingsChanged(() => {
        void loadSettings().then((loaded) => setSettings(withInFlight(loaded)));
      }),
    [withInFlight],
  );
  useEffect(() => applyToDocument(settings), [settings]);
  useEffect(() => {
    void applyLanguage(settings.language);
  }, [settings.language]);

  const latest = useLatest(settings);
  const update = useCallback(
    async (patch: SettingsPatch) => {
      const previous = latest.current;
      const id = nextId.current++;
      inFlight.current.set(id, patch);
      setSettings({ ...previous, ...patch });
      try {
        const saved = await unwrap(bridge().settings.set(patch));
        inFlight.current.delete(id);
        setSettings(withInFlight(saved));
      } catch (err) {
        inFlight.current.delete(id);
        setSettings((current) => ({ ...current, ...pick(previous, patch) }));
        throw err;
      }
    },
    [latest, withInFlight],
  );

  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

function pick(from: Settings, keys: SettingsPatch): SettingsPatch {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, from[k as keyof Settings]])) as SettingsPatch;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
