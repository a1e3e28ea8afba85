/** settings.*: user preferences (no secrets). The store tells the shell about changes itself. */
import type { HandlerGroup, Services } from './types';

export function settingsHandlers({ settings }: Services): HandlerGroup<'settings'> {
  return {
    'settings.get': async () => settings.get(),
    'settings.set': async (patch) => settings.set(patch),
  };
}
