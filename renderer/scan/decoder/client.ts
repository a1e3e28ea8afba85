/**
 * The UI side of the decoder worker: `decode()` returns a promise per image.
 * The pixel buffer is transferred, not copied (a 4K frame is 33 MB), so the
 * caller's image is unusable afterwards; pass a copy if you still need it.
 */
import { AuthdeskError } from '../../../common/errors';
import type { DecodeRequest, DecodeResponse } from './protocol';
import type { DecodedQr, DecodeOptions, RgbaImage } from '../../../common/qr/types';

export interface DecoderClient {
  decode(image: RgbaImage, options?: DecodeOptions): Promise<DecodedQr[]>;
  /** Stops the worker; pending decodes fail with a clear error. */
  dispose(): void;
}

interface Pending {
  resolve: (results: DecodedQr[]) => void;
  reject: (err: AuthdeskError) => void;
}

/** A buffer we may hand over whole: not shared with other views, and not a SharedArrayBuffer. */
function ownedPixels(image: RgbaImage): Uint8ClampedArray {
  const d = image.data;
  const whole = d.byteOffset === 0 && d.byteLength === d.buffer.byteLength && d.buffer instanceof ArrayBuffer;
  if (whole && d instanceof Uint8ClampedArray) return d;
  if (whole) return new Uint8ClampedArray(d.buffer as ArrayBuffer);
  return new Uint8ClampedArray(d);
}

export function createDecoderClient(): DecoderClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let disposed = false;

  const failAll = (err: AuthdeskError): void => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  worker.addEventListener('message', (event: MessageEvent<DecodeResponse>) => {
    const message = event.data;
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if ('error' in message) p.reject(new AuthdeskError(message.error.code, message.error.message));
    else p.resolve(message.results);
  });
  // The worker script or its wasm failed to load: no decode can succeed.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(new AuthdeskError('internal', 'The QR reader could not start. Restart Authdesk and try again.'));
  });

  return {
    decode(image, options) {
      if (disposed) return Promise.reject(new AuthdeskError('internal', 'The QR reader was already closed.'));
      const id = nextId++;
      const data = ownedPixels(image);
      const request: DecodeRequest = { id, image: { data, width: image.width, height: image.height }, options };
      return new Promise<DecodedQr[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request, [data.buffer]);
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker.terminate();
      failAll(new AuthdeskError('internal', 'The QR reader was closed before it finished.'));
    },
  };
}
