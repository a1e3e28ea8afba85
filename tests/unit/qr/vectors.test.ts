/** The six third-party QR images in the shared vectors: exact texts, nothing else. */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readQrFromFile } from '../../../cli/qr-from-file';
import { decodeQrCodes } from '../../../common/qr/pipeline';
import { isAuthenticatorText } from '../../../common/qr/uri-check';
import { describeWithVectors, readVectorJson, vectorPath } from '../../support/vectors';
import { UNHURRIED, useNodeDecoder } from './decoder-setup';

interface VectorImage {
  file: string;
  width: number;
  height: number;
  kind: 'otpauth' | 'otpauth-migration' | 'negative';
  text: string;
}

useNodeDecoder();

describeWithVectors('shared QR vectors', () => {
  const images = readVectorJson<{ images: VectorImage[] }>('qr', 'expected.json').images;

  it('lists the six images', () => {
    expect(images).toHaveLength(6);
  });

  describe.each(images)('$file', (image) => {
    it('decodes to exactly its text, once (file read by sharp)', async () => {
      const found = await readQrFromFile(vectorPath('qr', image.file), UNHURRIED);
      expect(found.map((r) => r.text)).toEqual([image.text]);
      expect(isAuthenticatorText(found[0]!.text)).toBe(image.kind !== 'negative');
    });

    it('decodes the same from pngjs pixels, with a position inside the image', async () => {
      const png = PNG.sync.read(readFileSync(vectorPath('qr', image.file)));
      expect([png.width, png.height]).toEqual([image.width, image.height]);
      const found = await decodeQrCodes(
        { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height },
        UNHURRIED,
      );
      expect(found.map((r) => r.text)).toEqual([image.text]);
      for (const p of found[0]!.position) {
        expect(p.x).toBeGreaterThanOrEqual(-1);
        expect(p.x).toBeLessThanOrEqual(image.width + 1);
        expect(p.y).toBeGreaterThanOrEqual(-1);
        expect(p.y).toBeLessThanOrEqual(image.height + 1);
      }
    });
  });

  it('reads the transparent-background image because transparent pixels become white', async () => {
    const png = PNG.sync.read(readFileSync(vectorPath('qr', 'qcv_otp_transparent_background.png')));
    // The hidden colour under alpha 0 is what a careless reader sees; make it black, as a premultiplied canvas would.
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3] === 0) png.data.fill(0, i, i + 3);
    const found = await decodeQrCodes(
      { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height },
      { plainOnly: true },
    );
    expect(found.map((r) => r.text)).toEqual([
      images.find((i) => i.file === 'qcv_otp_transparent_background.png')!.text,
    ]);
  });
});
