/** The user's settings as main stores them and the renderer shows them. */
export type Language = 'en' | 'nb';

export interface Settings {
  /** Hide the window from screen capture and screen sharing (on by default). */
  contentProtection: boolean;
  /** null follows the OS language. */
  language: Language | null;
  /** The self-service portal the guided set-up opens (https only). */
  portalUrl: string;
}
