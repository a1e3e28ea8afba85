/**
 * The decoder's Web Worker entry: decodes off the UI thread so a 4K capture
 * never freezes the window. One request in, one response out, matched by id.
 * The wasm comes from the bundle (a Vite asset URL), never from a CDN.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { toErrorValue } from '../../../common/errors';
import { configureZxingWasm } from '../../../common/qr/engine';
import { decodeQrCodes } from '../../../common/qr/pipeline';
import type { DecodeRequest, DecodeResponse } from './protocol';

configureZxingWasm({ wasmUrl });

const reply = (message: DecodeResponse): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const { id, image, options } = event.data;
  decodeQrCodes(image, options ?? {}).then(
    (results) => reply({ id, results }),
    (err: unknown) => reply({ id, error: toErrorValue(err) }),
  );
});
