/**
 * What runs when the plain pass did not find what the caller wants. Cheap,
 * targeted tries first (crops around symbols zxing detected but could not
 * read), then whole-image filters (each of which may reveal new detections,
 * which become crops in turn), then crops around QR-like texture, then
 * jsQR. The work budget is checked before every try; the first try that
 * satisfies the caller ends the escalation. Each step's work is an estimate
 * computed from sizes alone, so which steps run depends on the image only.
 */
import type { Budget } from './budget';
import { readQrWithZxing } from './engine';
import { boxBlur, normalizeLocalContrast, stretchContrast, unsharpMask } from './enhance';
import { findFinderPatterns, finderInk, guessMissingFinders, paintFinder, type FinderGuess } from './finder-repair';
import { readQrWithJsqr } from './jsqr-pass';
import { cropGray, grayToRgba, scaleGray, type GrayImage, type Rect } from './pixels';
import { findQrLikeRegions } from './regions';
import { boundsOf, toImageCoordinates, type ResultSet } from './results';

export type PassName =
  'error-crop' | 'upscale' | 'sharpen' | 'local-contrast' | 'smooth' | 'texture-crop' | 'finder-repair' | 'jsqr';

/** jsQR is slow: it sees a whole image only below this size (longest side). */
const SMALL_IMAGE = 1200;
/** Whole-image 2x upscale up to FHD (8 MP after scaling, ~0.3 s); bigger captures rely on crops. */
const UPSCALE_MAX_PIXELS = 1920 * 1200;
/** Whole-image filters up to two 4K screens (their buffers take ~16 bytes per pixel); beyond, crops only. */
const FILTER_MAX_PIXELS = 2 * 3840 * 2160;
/** Upscaled crops aim for about this many pixels on their longest side. */
const CROP_TARGET = 1000;

export interface EscalationInput {
  gray: GrayImage;
  /** Bounds of symbols zxing detected but could not read, in image pixels. */
  failed: Rect[];
  results: ResultSet;
  budget: Budget;
  /** True once the caller has what it wants: stop. */
  satisfied: () => boolean;
  /** Told about every try (for the bench and debugging): what ran, how long, how many texts it added, its work. */
  trace?: (step: string, ms: number, added: number, work: number) => void;
}

interface View {
  pass: PassName;
  /** Where the view's pixels come from, in image coordinates. */
  rect: Rect;
  /** View pixels per image pixel. */
  scale: number;
  pixels: GrayImage;
}

type Filter = 'none' | 'mild' | 'strong';

interface Step {
  name: string;
  /** Pixels the step hands to a reader, times how much dearer than a plain zxing pass per pixel. */
  work: number;
  run: () => Promise<void> | void;
}

/** Relative cost per pixel (plain zxing pass = 1), rounded up from the bench's traces. */
const COST = { zxingView: 1.5, localContrast: 3, smooth: 4, upscale: 1.5, sharpen: 2.5, jsqr: 4, finderScan: 0.5 };

/** Enlarges a rectangle around its centre by `factor` (adds a quiet zone for crops). */
function grow(rect: Rect, factor: number): Rect {
  const dw = (rect.width * (factor - 1)) / 2;
  const dh = (rect.height * (factor - 1)) / 2;
  return { x: rect.x - dw, y: rect.y - dh, width: rect.width + 2 * dw, height: rect.height + 2 * dh };
}

const area = (r: Rect): number => Math.max(1, r.width * r.height);

function overlapShare(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(a.width * a.height, b.width * b.height);
}

/** Unsharp mask sized to the (scaled) module: 'mild' restores soft edges, 'strong' undoes real blur. */
function filtered(gray: GrayImage, scale: number, filter: Filter): GrayImage {
  if (filter === 'none') return gray;
  const stretched = stretchContrast(gray);
  return filter === 'mild'
    ? unsharpMask(stretched, Math.max(1, Math.round(scale)), 1.5)
    : unsharpMask(stretched, Math.max(2, Math.round(2 * scale)), 2.5);
}

/**
 * How a crop is looked at: enlarged towards CROP_TARGET but at most `cap`
 * times (3x suits 1-px modules, 2x keeps blurred ones from smearing more).
 */
const CROP_VARIANTS: { filter: Filter; cap: number }[] = [
  { filter: 'none', cap: 3 },
  { filter: 'mild', cap: 3 },
  { filter: 'strong', cap: 3 },
  { filter: 'mild', cap: 2 },
  { filter: 'none', cap: 2 },
];

function cropScale(region: Rect, cap: number): number {
  const scale = Math.min(cap, Math.max(1, CROP_TARGET / Math.max(region.width, region.height, 1)));
  return scale < 1.05 ? 1 : Math.round(scale * 4) / 4;
}

/** The variants worth trying for this crop: the same scale and filter twice is skipped. */
function cropVariants(region: Rect): { filter: Filter; scale: number }[] {
  const seen = new Set<string>();
  return CROP_VARIANTS.map((v) => ({ filter: v.filter, scale: cropScale(region, v.cap) })).filter((v) => {
    const key = `${v.filter}@${v.scale}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cropView(gray: GrayImage, pass: PassName, region: Rect, filter: Filter, scale: number): View {
  const crop = cropGray(gray, region);
  const rect = {
    x: Math.max(0, Math.floor(region.x)),
    y: Math.max(0, Math.floor(region.y)),
    width: crop.width,
    height: crop.height,
  };
  const scaled = scale > 1 ? scaleGray(crop, scale) : crop;
  return { pass, rect, scale, pixels: filtered(scaled, scale, filter) };
}

/** Runs the steps until satisfied or out of work; true if the wall-clock safety stop ended it instead. */
export async function escalate(input: EscalationInput): Promise<boolean> {
  const { gray, results } = input;
  const whole: Rect = { x: 0, y: 0, width: gray.width, height: gray.height };
  const small = Math.max(gray.width, gray.height) < SMALL_IMAGE;
  const upscalable = gray.width * gray.height <= UPSCALE_MAX_PIXELS;
  // Detections still to look at closely; enhanced whole-image passes add to it.
  const leads: Rect[] = input.failed.map((r) => grow(r, 1.4));
  const triedLeads: Rect[] = [];

  const zxingOn = async (view: View, tryDownscale = false): Promise<void> => {
    const hits = await readQrWithZxing(view.pixels, { tryDownscale, returnErrors: true });
    for (const hit of hits) {
      const position = toImageCoordinates(hit.position, view.rect, view.scale);
      if (hit.valid) results.add(hit.text, position, view.pass);
      else leads.push(grow(boundsOf(position), 1.4));
    }
  };
  const jsqrOn = (view: View): void => {
    const hit = readQrWithJsqr(grayToRgba(view.pixels));
    if (hit) results.add(hit.text, toImageCoordinates(hit.position, view.rect, view.scale), 'jsqr');
  };

  /** Crops around every lead not yet tried (and not already read), three filters each. */
  /** zxing on `region` enlarged and filtered, each variant its own budgeted step. */
  function* cropSteps(pass: 'error-crop' | 'texture-crop', region: Rect): Generator<Step> {
    for (const { filter, scale } of cropVariants(region)) {
      yield {
        name: `${pass}/${filter}@${scale}`,
        work: area(region) * scale * scale * COST.zxingView,
        run: () => zxingOn(cropView(gray, pass, region, filter, scale)),
      };
    }
  }

  function* leadSteps(): Generator<Step> {
    while (leads.length > 0) {
      const region = leads.shift() as Rect;
      if (results.covers(region) || triedLeads.some((t) => overlapShare(t, region) > 0.8)) continue;
      triedLeads.push(region);
      yield* cropSteps('error-crop', region);
      const scale = cropScale(region, 2);
      yield {
        name: 'jsqr/error-crop',
        work: area(region) * scale * scale * COST.jsqr,
        run: () => jsqrOn(cropView(gray, 'jsqr', region, 'mild', scale)),
      };
    }
  }

  function* finderRepairSteps(): Generator<Step> {
    let guesses: FinderGuess[] = [];
    yield {
      name: 'finder-repair/search',
      work: area(whole) * COST.finderScan,
      run: () => {
        guesses = guessMissingFinders(findFinderPatterns(gray), gray.width, gray.height);
      },
    };
    for (const guess of guesses) {
      if (results.covers(guess.region)) continue;
      // Modules under 3 px are enlarged, as for crops (zxing's sampler wants a few pixels each).
      const scale = guess.module < 3 ? Math.min(3, Math.round((3 / guess.module) * 4) / 4) : 1;
      yield {
        name: `finder-repair@${scale}`,
        work: area(guess.region) * scale * scale * COST.zxingView,
        run: () => {
          const view = cropView(gray, 'finder-repair', guess.region, 'none', scale);
          paintFinder(view.pixels, view.rect, scale, guess, finderInk(gray, guess));
          return zxingOn(view);
        },
      };
    }
  }

  function* steps(): Generator<Step> {
    // (a) zxing found finder patterns and a grid but error correction failed: look closer.
    yield* leadSteps();
    // (c1) faint symbols beside strong content: every neighbourhood gets the same contrast.
    // Computed inside the step (it is budgeted work) and kept for the texture search.
    let normalized: GrayImage | null = null;
    const pixelCount = area(whole);
    const filterable = pixelCount <= FILTER_MAX_PIXELS;
    if (filterable)
      yield {
        name: 'local-contrast',
        work: pixelCount * COST.localContrast,
        run: () =>
          zxingOn(
            { pass: 'local-contrast', rect: whole, scale: 1, pixels: (normalized = normalizeLocalContrast(gray)) },
            true,
          ),
      };
    yield* leadSteps();
    // (c1a) a finder pattern covered (a window edge, a notification): zxing does not even
    // see the symbol. Two finders tell where the third is: paint it there and read again.
    // After the cheap whole-image pass, whose detections may make this unnecessary.
    yield* finderRepairSteps();
    // (c1b) a photo of a monitor: its pixel grid beats with the camera's (moiré), fine lines
    // and bands over the modules. A low-pass filter removes the lines, then a tighter local
    // contrast than (c1) evens out the bands (read 18 of 20 such photos vs 16 without it).
    if (filterable)
      yield {
        name: 'smooth',
        work: pixelCount * COST.smooth,
        run: () =>
          zxingOn(
            { pass: 'smooth', rect: whole, scale: 1, pixels: normalizeLocalContrast(boxBlur(boxBlur(gray, 1), 1), 8) },
            true,
          ),
      };
    yield* leadSteps();
    // (d) up to FHD: modules of 1-2 px are below what zxing's sampler handles well.
    if (upscalable) {
      yield {
        name: 'upscale',
        work: 4 * pixelCount * COST.upscale,
        run: () => zxingOn({ pass: 'upscale', rect: whole, scale: 2, pixels: scaleGray(gray, 2) }),
      };
      yield* leadSteps();
    }
    // (b) regions that look like a symbol (searched on the normalised image, where a
    // faint symbol has the texture of a strong one), enlarged and filtered.
    const regions = normalized ? findQrLikeRegions(normalized, 6).filter((r) => !results.covers(r)) : [];
    for (const region of regions) {
      yield* cropSteps('texture-crop', region);
      yield* leadSteps();
    }
    // (c2) blur, on the whole image.
    if (filterable)
      yield {
        name: 'sharpen',
        work: pixelCount * COST.sharpen,
        run: () => zxingOn({ pass: 'sharpen', rect: whole, scale: 1, pixels: filtered(gray, 1, 'mild') }, true),
      };
    yield* leadSteps();
    // (e) jsQR on what is left: the best texture regions, then a small whole image.
    for (const region of regions.slice(0, 3)) {
      const scale = cropScale(region, 2);
      yield {
        name: 'jsqr/texture-crop',
        work: area(region) * scale * scale * COST.jsqr,
        run: () => jsqrOn(cropView(gray, 'jsqr', region, 'mild', scale)),
      };
    }
    if (small)
      yield {
        name: 'jsqr/whole',
        work: pixelCount * COST.jsqr,
        run: () => jsqrOn({ pass: 'jsqr', rect: whole, scale: 1, pixels: gray }),
      };
  }

  const { budget } = input;
  for (const { name, work, run } of steps()) {
    if (input.satisfied()) return false;
    const left = budget.workLeft();
    if (left <= 0) return false;
    // Too dear for what is left: skip it, a cheaper step further on may still fit.
    if (work > left) continue;
    if (budget.pastCeiling()) return true;
    const before = results.items.length;
    const started = performance.now();
    budget.spend(work);
    await run();
    input.trace?.(name, performance.now() - started, results.items.length - before, work);
  }
  return false;
}
