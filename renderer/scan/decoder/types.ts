/** The decoder's input and output: plain pixels in, texts with positions out. Runs in a Web Worker and in Node. */
export interface RgbaImage {
  /** width * height * 4 bytes, RGBA, row-major, no padding. */
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface DecodedQr {
  text: string;
  /** Corner points in image pixels (top-left, top-right, bottom-right, bottom-left). */
  position: { x: number; y: number }[];
  /** Which pass found it ('plain' or the name of an escalation pass). */
  pass: string;
}
