/**
 * Collects decoded symbols from all passes in image coordinates, dropping
 * a repeat of the same text at about the same place (several passes often
 * read the same symbol), but keeping the same text shown twice.
 */
import type { Corners } from './engine';
import type { Rect } from './pixels';
import type { DecodedQr } from './types';

function centre(points: Corners): { x: number; y: number } {
  const n = Math.max(1, points.length);
  return { x: points.reduce((s, p) => s + p.x, 0) / n, y: points.reduce((s, p) => s + p.y, 0) / n };
}

function extent(points: Corners): number {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
}

/** Maps points found in a crop that was scaled by `scale` back to the full image. */
export function toImageCoordinates(points: Corners, crop: Rect, scale: number): Corners {
  return points.map((p) => ({ x: crop.x + p.x / scale, y: crop.y + p.y / scale }));
}

export function boundsOf(points: Corners): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export class ResultSet {
  readonly items: DecodedQr[] = [];

  /** Adds a result unless it repeats one already found; returns true if it was new. */
  add(text: string, position: Corners, pass: string): boolean {
    const c = centre(position);
    const size = extent(position);
    const repeat = this.items.some((r) => {
      if (r.text !== text) return false;
      const o = centre(r.position);
      return Math.hypot(o.x - c.x, o.y - c.y) < Math.max(16, 0.5 * Math.max(size, extent(r.position)));
    });
    if (repeat) return false;
    this.items.push({
      text,
      position: position.map((p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 })),
      pass,
    });
    return true;
  }

  /** True if some found symbol covers the centre of `rect` (its region is already read). */
  covers(rect: Rect): boolean {
    const cx = rect.x + rect.width / 2;
    const cy = rect.y + rect.height / 2;
    return this.items.some((r) => {
      const b = boundsOf(r.position);
      return cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height;
    });
  }
}
