/**
 * The few sentences main shows itself (tray menu, the close-to-tray notice),
 * in English and Norwegian bokmål like the renderer. Language: the setting,
 * else the OS locale.
 */
import type { Language } from '../common/settings';

const TEXT = {
  en: {
    open: 'Open Authdesk',
    scan: 'Scan screen for QR code',
    lock: 'Lock',
    quit: 'Quit Authdesk',
    locked: 'Locked: open Authdesk to unlock',
    noAccounts: 'No accounts yet',
    copyHint: 'Click an account to copy its code',
    more: (n: number) => `${n} more in the window…`,
    trayTitle: 'Authdesk keeps running',
    trayBody:
      'Closing the window keeps Authdesk in the tray (menu bar on macOS), so the shortcut and quick copy keep working. Quit from the tray menu, or turn this off in Settings.',
    quickPickTitle: 'Authdesk quick pick',
  },
  nb: {
    open: 'Åpne Authdesk',
    scan: 'Skann skjermen for QR-kode',
    lock: 'Lås',
    quit: 'Avslutt Authdesk',
    locked: 'Låst: åpne Authdesk for å låse opp',
    noAccounts: 'Ingen kontoer ennå',
    copyHint: 'Klikk en konto for å kopiere koden',
    more: (n: number) => `${n} til i vinduet…`,
    trayTitle: 'Authdesk kjører videre',
    trayBody:
      'Når du lukker vinduet, blir Authdesk liggende i systemstatusfeltet (menylinjen på macOS), så snarveien og rask kopiering virker fortsatt. Avslutt fra menyen der, eller slå dette av i Innstillinger.',
    quickPickTitle: 'Authdesk hurtigvalg',
  },
} as const;

export type ShellText = (typeof TEXT)['en'] | (typeof TEXT)['nb'];

/** nb for Norwegian (nb, nn, no) settings or OS locales, English otherwise. */
export function pickShellLanguage(language: Language | null, osLocale: string): Language {
  if (language) return language;
  const base = osLocale.toLowerCase().split(/[-_]/)[0];
  return base === 'nb' || base === 'nn' || base === 'no' ? 'nb' : 'en';
}

export function shellText(language: Language | null, osLocale: string): ShellText {
  return TEXT[pickShellLanguage(language, osLocale)];
}
