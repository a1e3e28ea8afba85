/**
 * From the captures of every display to Findings. Each capture is decoded on
 * its own and its texts go to main at once (THE RULE: a decoded text is never
 * kept); a text already sent (the same code seen on two captures) is not sent
 * again. Only when no authenticator text turned up on any single display, and
 * there are several, the displays are stitched by their real bounds and read
 * once more: a code dragged across the seam between two monitors.
 */
import { stitchDisplays, type DisplayCapture } from '../../../common/qr/stitch';
import type { RgbaImage } from '../../../common/qr/types';
import { noFindings, type Findings } from './findings';

export interface ScreenSteps {
  /** Reads the QR texts in an image; it may take the pixels (the decoder worker transfers them). */
  decode(image: RgbaImage): Promise<string[]>;
  /** Sends texts to main and adds what it says to `into`. */
  preview(texts: readonly string[], into: Findings): Promise<Findings>;
}

/** Keys found, or texts that claimed to be keys (main refused them): either way the person sees an answer. */
const foundAuthenticatorText = (f: Findings): boolean =>
  f.keys.length > 0 || f.rejected.length > 0 || f.transfer !== undefined;

/** The decoder takes the buffer it is given; the stitch still needs the original pixels. */
const copyOf = (image: RgbaImage): RgbaImage => ({ ...image, data: new Uint8ClampedArray(image.data) });

export async function findAcrossDisplays(captures: readonly DisplayCapture[], steps: ScreenSteps): Promise<Findings> {
  const findings = noFindings();
  const sent = new Set<string>();
  const previewNew = async (texts: readonly string[]) => {
    const fresh = texts.filter((t) => !sent.has(t));
    for (const t of fresh) sent.add(t);
    if (fresh.length > 0) await steps.preview([...new Set(fresh)], findings);
  };
  const mayStitch = captures.length >= 2;
  for (const capture of captures) {
    await previewNew(await steps.decode(mayStitch ? copyOf(capture.image) : capture.image));
  }
  if (mayStitch && !foundAuthenticatorText(findings)) {
    await previewNew(await steps.decode(stitchDisplays([...captures])));
  }
  return findings;
}
