/**
 * decodeQrCodes: every QR symbol in an RGBA image, with positions and the
 * pass that read it. Runs unchanged in the renderer's Web Worker and in Node.
 *
 * Only texts that zxing or jsQR decoded with valid error correction are ever
 * returned: escalation changes what the readers see, never what they report.
 */
import { AuthdeskError } from '../errors';
import { createBudget } from './budget';
import { readQrWithZxing } from './engine';
import { escalate } from './escalation';
import { invert, toGray } from './pixels';
import { boundsOf, ResultSet } from './results';
import type { DecodedQr, DecodeOptions, RgbaImage } from './types';
import { isAuthenticatorText } from './uri-check';

export const DEFAULT_BUDGET_MS = 1000;
/** Above this size (4 MP: more than 2560x1440) the plain pass skips zxing's downscaled tries. */
const PYRAMID_MAX_PIXELS = 4_000_000;

/** Options for tests and benches: an injected clock drives the budget without sleeping. */
export interface PipelineOptions extends DecodeOptions {
  now?: () => number;
  /** Skip escalation entirely (the bench's "plain zxing alone" column). */
  plainOnly?: boolean;
  trace?: (step: string, ms: number, added: number) => void;
}

function checkShape(image: RgbaImage): void {
  const { width, height, data } = image;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width <= 0 ||
    height <= 0 ||
    data.length !== width * height * 4
  ) {
    throw new AuthdeskError(
      'bad-image',
      `This picture is damaged: ${width}x${height} pixels do not match its ${data.length} bytes of colour data.`,
    );
  }
}

export async function decodeQrCodes(image: RgbaImage, options: PipelineOptions = {}): Promise<DecodedQr[]> {
  checkShape(image);
  const started = performance.now();
  const gray = toGray(image);
  const results = new ResultSet();
  // zxing's downscaled pyramid finds big blurry symbols; at 4K it costs a quarter of
  // the time and such symbols are left to escalation (whose whole-image passes use it).
  // Above 4 MP the inverted try (dark mode) is a second, separate read that only runs
  // when the first found no authenticator text: most big captures hold dark-on-light
  // codes, and zxing's built-in try would spend a fifth of a 4K frame's time on them.
  const big = gray.width * gray.height > PYRAMID_MAX_PIXELS;
  const hits = await readQrWithZxing(gray, { returnErrors: true, tryDownscale: !big, tryInvert: !big });
  if (big && !hits.some((h) => h.valid && isAuthenticatorText(h.text))) {
    hits.push(...(await readQrWithZxing(invert(gray), { returnErrors: true, tryDownscale: false, tryInvert: false })));
  }
  for (const hit of hits) if (hit.valid) results.add(hit.text, hit.position, 'plain');
  if (options.plainOnly) return results.items;

  const failed = hits.filter((h) => !h.valid).map((h) => boundsOf(h.position));
  const wantOtp = options.wantOtp ?? true;
  const satisfied = () => {
    const wanted = wantOtp ? results.items.some((r) => isAuthenticatorText(r.text)) : results.items.length > 0;
    // A detection zxing could not read is a symbol still waiting: keep going even if we have one text.
    return wanted && failed.every((rect) => results.covers(rect));
  };
  if (satisfied()) return results.items;

  const budget = createBudget(options.budgetMs ?? DEFAULT_BUDGET_MS, options.now);
  // The machine's speed right now (real time, not the injected clock: it only schedules work).
  const msPerPixel = Math.max(1e-6, (performance.now() - started) / (gray.width * gray.height));
  await escalate({ gray, failed, results, budget, satisfied, msPerPixel, trace: options.trace });
  return results.items;
}
