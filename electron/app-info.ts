/** AppInfo from plain facts, so the app and the web bridge describe themselves the same way. */
import { BUILD_COMMIT } from '../core/build-info';
import { PORTAL_PRESETS } from '../core/settings';
import type { AppInfo } from '../common/ipc/contract';

export function appInfo(
  version: string,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  commit: string = BUILD_COMMIT,
): AppInfo {
  return {
    version,
    commit,
    platform: platform === 'darwin' || platform === 'win32' ? platform : 'linux',
    // Under Wayland, Chromium captures through the desktop portal, which always shows its own picker.
    waylandSession: platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY)),
    portalPresets: PORTAL_PRESETS.map((preset) => ({ ...preset })),
  };
}
