/**
 * One decoder worker for the whole app, started on first use: starting a
 * worker (and its wasm) per scan would cost more than most decodes.
 */
import { createDecoderClient } from '../../scan/decoder/client';
import type { DecodedQr, RgbaImage } from '../../scan/decoder/types';

let client: ReturnType<typeof createDecoderClient> | undefined;

export function decodeImage(image: RgbaImage): Promise<DecodedQr[]> {
  client ??= createDecoderClient();
  return client.decode(image);
}
