/**
 * decodeQrCodes: every QR symbol in an RGBA image, with positions and the
 * pass that read it. Runs unchanged in the renderer's Web Worker and in Node.
 *
 * Only texts that zxing or jsQR decoded with valid error correction are ever
 * returned: escalation changes what the readers see, never what they report.
 */
import { AuthdeskError } from '../errors';
import { BUDGETS, createBudget } from './budget';
import { readQrWithZxing } from './engine';
import { escalate } from './escalation';
import { invert, toGray } from './pixels';
import { boundsOf, ResultSet } from './results';
import type { DecodedQr, DecodeOptions, DecodeReport, RgbaImage } from './types';
import { isAuthenticatorText } from './uri-check';

/** Above this size (4 MP: more than 2560x1440) the plain pass skips zxing's downscaled tries. */
const PYRAMID_MAX_PIXELS = 4_000_000;

/** Options for tests and benches: an injected clock drives the safety stop without sleeping. */
export interface PipelineOptions extends DecodeOptions {
  now?: () => number;
  /** Skip escalation entirely (the bench's "plain zxing alone" column). */
  plainOnly?: boolean;
  /** Told about every escalation step: what ran, its work units, how long (real time), how many texts it added. */
  trace?: (step: string, ms: number, added: number, work: number) => void;
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

/** Every QR symbol in the image (see decodeQrImage for how much work it took). */
export async function decodeQrCodes(image: RgbaImage, options: PipelineOptions = {}): Promise<DecodedQr[]> {
  return (await decodeQrImage(image, options)).codes;
}

export async function decodeQrImage(image: RgbaImage, options: PipelineOptions = {}): Promise<DecodeReport> {
  checkShape(image);
  const limits = options.budget ?? BUDGETS.screen;
  const report = (stoppedAtCeiling = false, spent = 0): DecodeReport => ({
    codes: results.items,
    work: { spent, budget: limits.work },
    stoppedAtCeiling,
  });
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
  if (options.plainOnly || limits.work <= 0) return report();

  const failed = hits.filter((h) => !h.valid).map((h) => boundsOf(h.position));
  const wantOtp = options.wantOtp ?? true;
  const satisfied = () => {
    const wanted = wantOtp ? results.items.some((r) => isAuthenticatorText(r.text)) : results.items.length > 0;
    // A detection zxing could not read is a symbol still waiting: keep going even if we have one text.
    return wanted && failed.every((rect) => results.covers(rect));
  };
  if (satisfied()) return report();

  const budget = createBudget(limits, options.now);
  const stoppedAtCeiling = await escalate({ gray, failed, results, budget, satisfied, trace: options.trace });
  return report(stoppedAtCeiling, budget.spent());
}
