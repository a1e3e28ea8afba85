/**
 * findAcrossDisplays: each display's capture is read on its own; only when no
 * authenticator text turned up anywhere are the displays stitched and read
 * once more. Real decoder (wasm in Node), real enroll.preview handlers behind
 * the renderer's own previewAll (window.authenticator built from them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../electron/handlers';
import { buildApi } from '../../../common/ipc/contract';
import { previewAll, type Findings } from '../../../renderer/features/enroll/findings';
import { findAcrossDisplays, type ScreenSteps } from '../../../renderer/features/enroll/screen-findings';
import { decodeQrCodes } from '../../../common/qr/pipeline';
import type { DisplayCapture } from '../../../common/qr/stitch';
import { blit, createImage, cropImage } from '../../support/qr-corpus/canvas';
import { renderQr } from '../../support/qr-corpus/qr-raster';
import { realHandlers } from '../handlers/harness';
import { UNHURRIED, useNodeDecoder } from './decoder-setup';

useNodeDecoder();

const SEAM = 'otpauth://totp/Seam:carol@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Seam';
const TWICE = 'otpauth://totp/Twice:dan@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Twice';

let h: Awaited<ReturnType<typeof realHandlers>>;
beforeAll(async () => {
  h = await realHandlers('screen-findings');
  const api = buildApi(
    (channel, input) => invokeChannel(h.handlers, channel, input),
    () => () => undefined,
  );
  (globalThis as { window?: unknown }).window = { authenticator: api };
});
afterAll(async () => {
  delete (globalThis as { window?: unknown }).window;
  await h?.cleanUp();
});

/** The real steps, counting how often each runs (and which texts went to main). */
function countingSteps() {
  const seen = { decodes: 0, previewed: [] as string[] };
  const steps: ScreenSteps = {
    decode: async (image) => {
      seen.decodes++;
      return (await decodeQrCodes(image, UNHURRIED)).map((r) => r.text);
    },
    preview: (texts, into) => {
      seen.previewed.push(...texts);
      return previewAll(texts, into);
    },
  };
  return { seen, steps };
}

const issuers = (f: Findings) => f.keys.map((k) => k.account.issuer);

/** Two 1000x600 displays side by side; `draw` paints the whole desktop before it is cut in two. */
function twoDisplays(draw: (desktop: ReturnType<typeof createImage>) => void): DisplayCapture[] {
  const desktop = createImage(2000, 600, [240, 240, 240]);
  draw(desktop);
  return [
    { image: cropImage(desktop, 0, 0, 1000, 600), bounds: { x: 0, y: 0, width: 1000, height: 600 } },
    { image: cropImage(desktop, 1000, 0, 1000, 600), bounds: { x: 1000, y: 0, width: 1000, height: 600 } },
  ];
}

describe('several displays', () => {
  it('a code across the seam is unreadable on either display, and found through the stitch', async () => {
    const captures = twoDisplays((d) => blit(d, renderQr(SEAM, { moduleSize: 5 }), 860, 150));
    const { seen, steps } = countingSteps();
    const findings = await findAcrossDisplays(captures, steps);
    expect(issuers(findings)).toEqual(['Seam']);
    expect(seen.decodes).toBe(3); // each display, then the stitched desktop
    expect(seen.previewed).toEqual([SEAM]);
  });

  it('a code already found on a display: no stitch, and the same text seen twice goes to main once', async () => {
    const qr = renderQr(TWICE, { moduleSize: 5 });
    const captures = twoDisplays((d) => {
      blit(d, qr, 100, 100);
      blit(d, qr, 1300, 200);
    });
    const { seen, steps } = countingSteps();
    const findings = await findAcrossDisplays(captures, steps);
    expect(issuers(findings)).toEqual(['Twice']);
    expect(seen.decodes).toBe(2);
    expect(seen.previewed).toEqual([TWICE]);
  });

  it('nothing anywhere: one stitched read more, then empty findings', async () => {
    const { seen, steps } = countingSteps();
    const findings = await findAcrossDisplays(
      twoDisplays(() => undefined),
      steps,
    );
    expect(findings.keys).toEqual([]);
    expect(seen.decodes).toBe(3);
  });
});

describe('one display', () => {
  it('is read once and never stitched', async () => {
    const [left] = twoDisplays((d) => blit(d, renderQr(SEAM, { moduleSize: 5 }), 860, 150));
    const { seen, steps } = countingSteps();
    const findings = await findAcrossDisplays([left!], steps);
    expect(findings.keys).toEqual([]);
    expect(seen.decodes).toBe(1);
  });
});
