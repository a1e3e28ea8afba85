/**
 * The runtime half of the contract that the preload and the web bridge client
 * need: channel names, event names and `buildApi`. It is kept apart from
 * contract.ts so those bundles do not carry zod (the preload went from 760 kB
 * to a few kB); tests/unit/contract.test.ts checks the names match the contract.
 */
import type { AuthenticatorApi, Channel, Outcome } from './contract';

/** Every channel of the contract; the type below makes a missing or extra name a compile error. */
export const channelNames = [
  'accounts.list',
  'accounts.add',
  'accounts.rename',
  'accounts.remove',
  'accounts.reorder',
  'accounts.updateParams',
  'accounts.pin',
  'codes.current',
  'codes.nextHotp',
  'codes.copy',
  'enroll.preview',
  'enroll.save',
  'enroll.discard',
  'vault.status',
  'vault.repair',
  'vault.restoreAll',
  'vault.acknowledge',
  'vault.trash',
  'vault.undelete',
  'vault.unlockKeychain',
  'settings.get',
  'settings.set',
  'app.info',
  'app.openPortal',
  'app.openDownload',
  'app.stepAside',
  'app.comeBack',
  'app.displays',
  'app.checkUpdate',
  'app.lock',
  'app.unlock',
  'app.lockState',
  'app.setLockPassword',
  'app.checkClock',
  'app.desktopStatus',
  'app.closeQuickPick',
  'transfer.importFormats',
  'transfer.importFile',
  'transfer.importRetry',
  'transfer.importCommit',
  'transfer.importDiscard',
  'transfer.exportFile',
  'transfer.exportQrCodes',
  'transfer.accountQr',
  'transfer.qrHidden',
  'transfer.exportSheet',
  'transfer.verifyChoose',
  'transfer.verifyBackup',
  'backup.status',
  'backup.chooseFolder',
  'backup.setPassword',
  'backup.runNow',
  'backup.turnOff',
  'backup.dismissReminder',
] as const satisfies readonly Channel[];
type Unlisted = Exclude<Channel, (typeof channelNames)[number]>;
const _everyChannelListed: [Unlisted] extends [never] ? true : Unlisted = true;
void _everyChannelListed;

/** Events main pushes to the renderer (no payloads carry secrets). */
export const events = {
  /** The vault changed outside this window (the CLI, another window, a repair). */
  accountsChanged: 'event.accountsChanged',
  /** The computer woke from sleep or the clock jumped: codes must be fetched again. */
  clockChanged: 'event.clockChanged',
  settingsChanged: 'event.settingsChanged',
  /** The app locked or unlocked (app.lockState tells which). */
  lockChanged: 'event.lockChanged',
  /** The shortcut registration or the clock check changed (app.desktopStatus tells what). */
  desktopStatusChanged: 'event.desktopStatusChanged',
  /** The tray asked for a screen scan: the window starts one. */
  scanRequested: 'event.scanRequested',
  /** The quick-pick window was shown again: clear the filter, reload the list. */
  quickPickShown: 'event.quickPickShown',
  /** A backup was queued, written or failed, or the backup password or reminder changed (backup.status tells). */
  backupChanged: 'event.backupChanged',
} as const;
export type EventName = keyof typeof events;

/**
 * Builds the API object from a transport. The preload passes `ipcRenderer.invoke`,
 * the web test bridge passes `fetch`; both get the same shape.
 */
export function buildApi(
  invoke: (channel: Channel, input: unknown) => Promise<Outcome<unknown>>,
  subscribe: (event: string, listener: () => void) => () => void,
): AuthenticatorApi {
  const api: Record<string, Record<string, unknown>> = { events: {} };
  for (const name of channelNames) {
    const [group, action] = name.split('.') as [string, string];
    (api[group] ??= {})[action] = (input?: unknown) => invoke(name, input ?? {});
  }
  for (const [key, event] of Object.entries(events)) {
    api.events![`on${key[0]!.toUpperCase()}${key.slice(1)}`] = (listener: () => void) => subscribe(event, listener);
  }
  return api as unknown as AuthenticatorApi;
}
