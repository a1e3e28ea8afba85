import type { AuthenticatorApi } from '../common/ipc/contract';

declare global {
  interface Window {
    /** The only way to main: exposed by the preload (or, in browser tests, the loopback bridge). */
    authenticator: AuthenticatorApi;
  }
}
export {};
