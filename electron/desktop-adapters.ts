/** Electron's clipboard and Touch ID behind the small ports the plain-Node modules use. */
import { clipboard, ClipboardItem, systemPreferences } from 'electron';
import type { OsPrompt } from './app-lock';
import type { ClipboardPort } from './clipboard-guard';

/** One ClipboardItem per write: Electron commits all its formats atomically. */
export const electronClipboard: ClipboardPort = {
  write: (entries) =>
    clipboard.write([
      new ClipboardItem(
        Object.fromEntries(
          Object.entries(entries).map(([format, value]) => [
            format,
            typeof value === 'string' ? value : new Blob([new Uint8Array(value)]),
          ]),
        ),
      ),
    ]),
  readText: () => clipboard.readText(),
  clear: async () => clipboard.clear(),
};

/**
 * macOS Touch ID. Windows Hello is not reachable from Electron's own API (it
 * needs a native module calling UserConsentVerifier), and Linux has no common
 * equivalent: there the 'os' lock falls back to the lock password.
 */
export function touchIdPrompt(platform: NodeJS.Platform = process.platform): OsPrompt {
  return {
    available: () => platform === 'darwin' && systemPreferences.canPromptTouchID(),
    prompt: (reason) =>
      systemPreferences.promptTouchID(reason).then(
        () => true,
        () => false,
      ),
  };
}
