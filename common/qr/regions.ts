/**
 * Finds places that look like a QR symbol without decoding anything: blocks
 * dense in edges in BOTH directions, with real contrast, grouped into
 * roughly square clusters. Cheap (one pass over the luma), so escalation can
 * spend its time on a few promising crops instead of the whole screen.
 */
import type { GrayImage, Rect } from './pixels';

export interface Region extends Rect {
  /** Higher = more QR-like (edge density x squareness x fill). */
  score: number;
}

// Tuned on the corpus (tests/support/qr-corpus), run on a contrast-normalised
// image: an "edge" is a step of 18 levels between neighbours; a block needs
// edges both ways (the sparser direction at least 35 % of the denser: text
// is mostly vertical strokes) and a range of 28 levels.
const STEP = 18;
const BALANCE = 0.35;
const MIN_RANGE = 28;

/** Blocks of this many pixels per side make a grid of at most ~240 blocks across. */
function blockSizeFor(gray: GrayImage): number {
  return Math.max(8, Math.ceil(Math.max(gray.width, gray.height) / 240));
}

interface BlockStats {
  cols: number;
  rows: number;
  dense: Uint8Array;
  density: Float32Array;
}

function blockStats(gray: GrayImage, block: number): BlockStats {
  const cols = Math.floor(gray.width / block);
  const rows = Math.floor(gray.height / block);
  const ex = new Uint32Array(cols * rows);
  const ey = new Uint32Array(cols * rows);
  const lo = new Uint8Array(cols * rows).fill(255);
  const hi = new Uint8Array(cols * rows);
  const { data, width } = gray;
  for (let y = 0; y < rows * block - 1; y++) {
    const brow = Math.floor(y / block) * cols;
    const row = y * width;
    for (let x = 0; x < cols * block - 1; x++) {
      const v = data[row + x] as number;
      const b = brow + Math.floor(x / block);
      if (Math.abs(v - (data[row + x + 1] as number)) >= STEP) ex[b]! += 1;
      if (Math.abs(v - (data[row + width + x] as number)) >= STEP) ey[b]! += 1;
      if (v < (lo[b] as number)) lo[b] = v;
      if (v > (hi[b] as number)) hi[b] = v;
    }
  }
  const dense = new Uint8Array(cols * rows);
  const density = new Float32Array(cols * rows);
  const area = block * block;
  for (let b = 0; b < cols * rows; b++) {
    const dx = (ex[b] as number) / area;
    const dy = (ey[b] as number) / area;
    const balanced = Math.min(dx, dy) >= BALANCE * Math.max(dx, dy);
    density[b] = Math.min(dx, dy);
    if (balanced && Math.min(dx, dy) >= 0.04 && (hi[b] as number) - (lo[b] as number) >= MIN_RANGE) dense[b] = 1;
  }
  return { cols, rows, dense, density };
}

/** Up to `limit` candidate rectangles in image pixels, best first, with a quiet-zone margin added. */
export function findQrLikeRegions(gray: GrayImage, limit = 8): Region[] {
  const block = blockSizeFor(gray);
  const { cols, rows, dense, density } = blockStats(gray, block);
  const seen = new Uint8Array(cols * rows);
  const regions: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < cols * rows; start++) {
    if (!dense[start] || seen[start]) continue;
    let minX = cols;
    let minY = rows;
    let maxX = 0;
    let maxY = 0;
    let count = 0;
    let sum = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const b = stack.pop() as number;
      const bx = b % cols;
      const by = (b - bx) / cols;
      count++;
      sum += density[b] as number;
      minX = Math.min(minX, bx);
      maxX = Math.max(maxX, bx);
      minY = Math.min(minY, by);
      maxY = Math.max(maxY, by);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = bx + dx;
          const ny = by + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const n = ny * cols + nx;
          if (dense[n] && !seen[n]) {
            seen[n] = 1;
            stack.push(n);
          }
        }
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (count < 4) continue;
    const squareness = Math.min(w, h) / Math.max(w, h);
    if (squareness < 0.3) continue;
    const fill = count / (w * h);
    const margin = Math.max(1, Math.round(Math.max(w, h) * 0.12));
    regions.push({
      x: (minX - margin) * block,
      y: (minY - margin) * block,
      width: (w + 2 * margin) * block,
      height: (h + 2 * margin) * block,
      score: (sum / count) * squareness * fill * Math.sqrt(count),
    });
  }
  return regions.sort((a, b) => b.score - a.score).slice(0, limit);
}
