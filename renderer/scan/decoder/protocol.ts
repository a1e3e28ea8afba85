/** The messages between the decoder client (UI thread) and its Web Worker. Plain data only: they are structured-cloned. */
import type { ErrorValue } from '../../../common/errors';
import type { DecodedQr, DecodeOptions, RgbaImage } from '../../../common/qr/types';

export interface DecodeRequest {
  id: number;
  image: RgbaImage;
  options?: DecodeOptions;
}

export type DecodeResponse = { id: number; results: DecodedQr[] } | { id: number; error: ErrorValue };
