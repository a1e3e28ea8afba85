/**
 * A QR symbol with one finder pattern covered (a window edge or a
 * notification over a corner) is invisible to zxing: its detector needs all
 * three finders before it even tries the grid, however little else is lost.
 * Two finders still say where the third must be: the three centres form a
 * right angle, the corner finder at the angle, at equal distances. So we find
 * finder patterns ourselves, and for two that could belong to one symbol
 * paint a clean finder (and its white separator) at each place the third
 * could be, then let zxing read that view. A wrong guess only costs a read:
 * zxing still checks the error correction, so a text is never invented.
 */
import type { GrayImage, Rect } from './pixels';

export interface FinderPattern {
  x: number;
  y: number;
  /** Module size in pixels (the pattern is 7 modules across). */
  module: number;
  /** Rows whose scan confirmed it (a real finder is crossed by several). */
  hits: number;
}

interface Point {
  x: number;
  y: number;
}

/** Where to paint the missing finder, and the view to read afterwards. */
export interface FinderGuess {
  centre: Point;
  /** Unit vectors along the symbol's rows and columns. */
  axes: [Point, Point];
  module: number;
  /** The symbol (the three finders and the fourth corner) with a quiet zone, in image pixels. */
  region: Rect;
  /** The two finders it was guessed from. */
  pair: [FinderPattern, FinderPattern];
}

/** Symbols of 21 to 177 modules; finder centres sit 3.5 modules in from the edges. */
const MIN_SPAN = 21 - 7 - 2;
const MAX_SPAN = 177 - 7 + 2;

/** Otsu's threshold over a histogram: the split that best separates dark from light. */
function otsu(gray: GrayImage): number {
  const hist = new Float64Array(256);
  const { data } = gray;
  // Every 4th pixel is plenty for a histogram.
  for (let i = 0; i < data.length; i += 4) (hist[data[i] as number] as number) += 1;
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v] as number;
    sum += v * (hist[v] as number);
  }
  let best = 128;
  let bestScore = -1;
  let below = 0;
  let belowSum = 0;
  for (let t = 0; t < 255; t++) {
    below += hist[t] as number;
    belowSum += t * (hist[t] as number);
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const diff = belowSum / below - (sum - belowSum) / above;
    const score = below * above * diff * diff;
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** 1:1:3:1:1 within half a module per run (zxing's own tolerance). */
function finderRatio(runs: readonly number[]): number {
  const total = runs.reduce((s, r) => s + r, 0);
  if (total < 7) return 0;
  const m = total / 7;
  const slack = m / 2;
  const ok =
    Math.abs(m - (runs[0] as number)) < slack &&
    Math.abs(m - (runs[1] as number)) < slack &&
    Math.abs(3 * m - (runs[2] as number)) < 3 * slack &&
    Math.abs(m - (runs[3] as number)) < slack &&
    Math.abs(m - (runs[4] as number)) < slack;
  return ok ? total : 0;
}

/**
 * Runs the five runs of a finder along a line through (x, y) in direction
 * (dx, dy), starting inside the centre square; the centre along that line and
 * the pattern's length, or null.
 */
function crossCheck(
  gray: GrayImage,
  dark: (v: number) => boolean,
  x: number,
  y: number,
  dx: number,
  dy: number,
  maxRun: number,
): { centre: number; total: number } | null {
  const { width, height, data } = gray;
  const at = (i: number) => data[(y + dy * i) * width + (x + dx * i)] as number;
  const inside = (i: number) => {
    const px = x + dx * i;
    const py = y + dy * i;
    return px >= 0 && py >= 0 && px < width && py < height;
  };
  if (!dark(at(0))) return null;
  // Back over the centre run, then a light run, then a dark run.
  const runs = [0, 0, 0, 0, 0];
  let i = 0;
  const walk = (step: number, slot: number, wantDark: boolean): boolean => {
    while (inside(i) && dark(at(i)) === wantDark && (runs[slot] as number) <= maxRun) {
      runs[slot] = (runs[slot] as number) + 1;
      i += step;
    }
    return inside(i) || (runs[slot] as number) > 0;
  };
  i = 0;
  walk(-1, 2, true);
  if (!walk(-1, 1, false) || !walk(-1, 0, true)) return null;
  const start = i + 1;
  i = 1;
  walk(1, 2, true);
  if (!walk(1, 3, false) || !walk(1, 4, true)) return null;
  const total = finderRatio(runs);
  if (!total) return null;
  // The centre run's middle, from where the pattern starts.
  const centreStart = start + (runs[0] as number) + (runs[1] as number);
  return { centre: centreStart + (runs[2] as number) / 2, total };
}

/**
 * Finder patterns in the image: every row is scanned for dark-light-dark-light-dark
 * runs in proportion 1:1:3:1:1, each hit checked down its column and again along its
 * row, hits at the same place merged. Costs one pass over the pixels.
 */
export function findFinderPatterns(gray: GrayImage): FinderPattern[] {
  const { width, height, data } = gray;
  const threshold = otsu(gray);
  const dark = (v: number) => v <= threshold;
  const found: FinderPattern[] = [];
  const runs = new Int32Array(width + 1);
  const colours = new Uint8Array(width + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let count = 0;
    let runStart = 0;
    let colour = dark(data[row] as number) ? 1 : 0;
    for (let x = 1; x <= width; x++) {
      const c = x === width ? 2 : dark(data[row + x] as number) ? 1 : 0;
      if (c === colour) continue;
      runs[count] = x - runStart;
      colours[count++] = colour;
      runStart = x;
      colour = c;
    }
    let startX = 0;
    for (let r = 0; r + 4 < count; startX += runs[r] as number, r++) {
      if (colours[r] !== 1) continue;
      const five = [runs[r], runs[r + 1], runs[r + 2], runs[r + 3], runs[r + 4]] as number[];
      const total = finderRatio(five);
      if (!total) continue;
      const cx = Math.floor(startX + (five[0] as number) + (five[1] as number) + (five[2] as number) / 2);
      const vertical = crossCheck(gray, dark, cx, y, 0, 1, total);
      if (!vertical || Math.abs(vertical.total - total) > 0.4 * total) continue;
      const cy = Math.floor(y + vertical.centre);
      const horizontal = crossCheck(gray, dark, cx, cy, 1, 0, total);
      if (!horizontal || Math.abs(horizontal.total - total) > 0.4 * total) continue;
      const fx = cx + horizontal.centre;
      const fy = y + vertical.centre;
      const module = (horizontal.total + vertical.total) / 14;
      const same = found.find(
        (f) => Math.hypot(f.x - fx, f.y - fy) < 2 * f.module && Math.abs(f.module - module) < 0.5 * f.module,
      );
      if (same) {
        same.x = (same.x * same.hits + fx) / (same.hits + 1);
        same.y = (same.y * same.hits + fy) / (same.hits + 1);
        same.module = (same.module * same.hits + module) / (same.hits + 1);
        same.hits++;
      } else found.push({ x: fx, y: fy, module, hits: 1 });
    }
  }
  // A real finder's centre square is crossed by about three modules' worth of rows.
  return found.filter((f) => f.hits >= 2).sort((a, b) => b.hits - a.hits);
}

const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y });
const times = (a: Point, k: number): Point => ({ x: a.x * k, y: a.y * k });
const unit = (a: Point): Point => times(a, 1 / Math.hypot(a.x, a.y));

/** The symbol's region: the L of `corner`, `p` and `q`, its fourth corner, and a quiet zone. */
function symbolRegion(corner: Point, p: Point, q: Point, module: number): Rect {
  const points = [corner, p, q, add(p, sub(q, corner))];
  const margin = 8 * module; // 3.5 modules to the edge, 4 of quiet zone, a little slack
  const xs = points.map((t) => t.x);
  const ys = points.map((t) => t.y);
  const x = Math.min(...xs) - margin;
  const y = Math.min(...ys) - margin;
  return { x, y, width: Math.max(...xs) + margin - x, height: Math.max(...ys) + margin - y };
}

/**
 * Where the third finder of a symbol could be, for every pair of finders that
 * could share one and lacks its third: beside either of them (the pair is a
 * side of the symbol) or across (the pair is its diagonal). Nearest to the
 * image's middle first; at most `limit` guesses.
 */
export function guessMissingFinders(finders: FinderPattern[], width: number, height: number, limit = 8): FinderGuess[] {
  const guesses: FinderGuess[] = [];
  // A finder as strong as the pair's (crossed by as many rows) is whole; a weaker one there
  // is a damaged finder (the cover reached into it), to be painted over like a missing one.
  const near = (p: Point, module: number, hits: number) =>
    finders.some((f) => f.hits >= 0.9 * hits && Math.hypot(f.x - p.x, f.y - p.y) < 3 * module);
  const fits = (p: Point, module: number) => {
    const r = 4.5 * module;
    return p.x - r >= 0 && p.y - r >= 0 && p.x + r <= width && p.y + r <= height;
  };
  // A whole finder's 3-module core is crossed by about 3 modules' worth of rows; data that
  // happens to look like a finder along a row or two is not one to build on.
  const strong = finders.filter((f) => f.hits >= 2 * f.module);
  for (let i = 0; i < strong.length; i++) {
    for (let j = i + 1; j < strong.length; j++) {
      const a = strong[i] as FinderPattern;
      const b = strong[j] as FinderPattern;
      if (Math.max(a.module, b.module) > 1.4 * Math.min(a.module, b.module)) continue;
      const module = (a.module + b.module) / 2;
      const hits = Math.min(a.hits, b.hits);
      const ab = sub(b, a);
      const distance = Math.hypot(ab.x, ab.y);
      const along = unit(ab);
      const across = { x: -along.y, y: along.x };
      const options: { corner: Point; centre: Point; other: Point }[] = [];
      // The pair is one side: the third is beside a or b, on either side of the line.
      if (distance / module >= MIN_SPAN && distance / module <= MAX_SPAN) {
        for (const side of [1, -1]) {
          const offset = times(across, side * distance);
          options.push({ corner: a, centre: add(a, offset), other: b });
          options.push({ corner: b, centre: add(b, offset), other: a });
        }
      }
      // The pair is the diagonal: the third is the corner, half-way across.
      const side = distance / Math.SQRT2;
      if (side / module >= MIN_SPAN && side / module <= MAX_SPAN) {
        const middle = times(add(a, b), 0.5);
        for (const s of [1, -1]) {
          const centre = add(middle, times(across, (s * distance) / 2));
          options.push({ corner: centre, centre, other: a });
        }
      }
      // A strong finder at one of the places already makes the pair a whole symbol: zxing had its chance.
      if (options.some(({ centre }) => near(centre, module, hits))) continue;
      for (const { corner, centre, other } of options) {
        if (!fits(centre, module)) continue;
        const [p, q] = corner === centre ? [a, b] : [other, centre];
        const axis1 = unit(sub(p, corner));
        const axis2 = unit(sub(q, corner));
        if (corner !== centre && near(add(p, sub(q, corner)), module, hits)) continue;
        guesses.push({
          centre,
          axes: [axis1, axis2],
          module,
          region: symbolRegion(corner, p, q, module),
          pair: [a, b],
        });
      }
    }
  }
  const cx = width / 2;
  const cy = height / 2;
  const distanceToMiddle = (g: FinderGuess) =>
    Math.hypot(g.region.x + g.region.width / 2 - cx, g.region.y + g.region.height / 2 - cy);
  return guesses.sort((g, h) => distanceToMiddle(g) - distanceToMiddle(h)).slice(0, limit);
}

/**
 * Paints a finder pattern and its one-module white separator at `guess`, in
 * `view` (a copy of the image's pixels from `origin` on, enlarged by `scale`).
 * Dark is the darkest and light the lightest value of the real finders' size
 * around, so the binarizer sees the same contrast as in the rest of the symbol.
 */
export function paintFinder(
  view: GrayImage,
  origin: Point,
  scale: number,
  guess: FinderGuess,
  ink: [number, number],
): void {
  const m = guess.module * scale;
  const c = { x: (guess.centre.x - origin.x) * scale, y: (guess.centre.y - origin.y) * scale };
  const [u, v] = guess.axes;
  const reach = Math.ceil(4.5 * m * Math.SQRT2) + 1;
  const x0 = Math.max(0, Math.floor(c.x - reach));
  const y0 = Math.max(0, Math.floor(c.y - reach));
  const x1 = Math.min(view.width - 1, Math.ceil(c.x + reach));
  const y1 = Math.min(view.height - 1, Math.ceil(c.y + reach));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      // Module coordinates from the finder's centre, along the symbol's axes (pixel centres).
      const dx = x + 0.5 - c.x;
      const dy = y + 0.5 - c.y;
      const ring = Math.max(Math.abs((dx * u.x + dy * u.y) / m), Math.abs((dx * v.x + dy * v.y) / m));
      if (ring >= 4.5) continue;
      // 3x3 dark core, light ring, dark ring, then the light separator.
      const isDark = ring < 1.5 || (ring >= 2.5 && ring < 3.5);
      view.data[y * view.width + x] = isDark ? ink[0] : ink[1];
    }
  }
}

/**
 * The ink of the finders the guess came from: dark from their centres, light from
 * their light ring (two modules out), so a painted finder matches the symbol's contrast.
 */
export function finderInk(gray: GrayImage, guess: FinderGuess): [number, number] {
  const value = (x: number, y: number) => {
    const px = Math.min(gray.width - 1, Math.max(0, Math.round(x)));
    const py = Math.min(gray.height - 1, Math.max(0, Math.round(y)));
    return gray.data[py * gray.width + px] as number;
  };
  let dark = 255;
  let light = 0;
  for (const f of guess.pair) {
    dark = Math.min(dark, value(f.x, f.y));
    const r = 2 * f.module;
    light = Math.max(light, value(f.x - r, f.y), value(f.x + r, f.y), value(f.x, f.y - r), value(f.x, f.y + r));
  }
  return light - dark >= 40 ? [dark, light] : [0, 255];
}
