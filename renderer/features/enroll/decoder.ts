/**
 * One decoder worker for the whole app, started on first use: starting a
 * worker (and its wasm) per scan would cost more than most decodes.
 */
import { createDecoderClient } from '../../scan/decoder/client';
import type { DecodedQr, DecodeOptions, RgbaImage } from '../../../common/qr/types';

let client: ReturnType<typeof createDecoderClient> | undefined;

/** The image's pixels are handed to the worker (transferred): do not use `image` afterwards. */
export function decodeImage(image: RgbaImage, options?: DecodeOptions): Promise<DecodedQr[]> {
  client ??= createDecoderClient();
  return client.decode(image, options);
}
