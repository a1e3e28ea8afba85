/**
 * The displays as the OS lays them out, in the order Electron lists them.
 * That one order is shared by app.displays and by the display-media handler,
 * so the renderer's i-th capture of a round is the i-th display it was told of.
 */
import { screen, type DesktopCapturerSource } from 'electron';
import type { DisplayInfo } from '../common/ipc/contract';

export function listDisplays(): DisplayInfo[] {
  return screen.getAllDisplays().map((d) => ({
    id: String(d.id),
    bounds: { x: d.bounds.x, y: d.bounds.y, width: d.bounds.width, height: d.bounds.height },
    scaleFactor: d.scaleFactor,
  }));
}

/**
 * Screen sources in display order. A source without a matching display
 * (display_id is empty on some Linux setups) goes last, in its own order,
 * so it is still captured, just not placed by bounds the renderer knows.
 */
export function inDisplayOrder(sources: DesktopCapturerSource[], displays: DisplayInfo[]): DesktopCapturerSource[] {
  const rank = (s: DesktopCapturerSource) => {
    const i = displays.findIndex((d) => d.id === s.display_id);
    return i === -1 ? displays.length : i;
  };
  // Array.prototype.sort is stable, which keeps unmatched sources in Electron's order.
  return [...sources].sort((a, b) => rank(a) - rank(b));
}
