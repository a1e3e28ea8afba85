/**
 * When the app locks itself: after `autoLockMinutes` without keyboard or
 * mouse input anywhere on the system (powerMonitor.getSystemIdleTime), when
 * the screen locks, and when the computer suspends. Only if a lock is
 * configured: AppLock.lock(quiet) does nothing otherwise.
 * powerMonitor is passed in, so the tests drive it with a plain emitter.
 */
import type { SettingsStore } from '../core/settings';
import type { AppLock } from './app-lock';

export interface PowerSource {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  getSystemIdleTime(): number;
}

export const IDLE_CHECK_MS = 30_000;

/** Returns the idle check; main calls it every IDLE_CHECK_MS (tests call it directly). */
export function installAutoLock(power: PowerSource, settings: SettingsStore, lock: AppLock): () => Promise<void> {
  const lockNow = () => void lock.lock(true).catch(() => undefined);
  power.on('lock-screen', lockNow);
  power.on('suspend', lockNow);
  return async () => {
    if (lock.isLocked()) return;
    const { appLock, autoLockMinutes } = await settings.get();
    if (appLock === 'off' || autoLockMinutes === 0) return;
    if (power.getSystemIdleTime() >= autoLockMinutes * 60) await lock.lock(true);
  };
}
