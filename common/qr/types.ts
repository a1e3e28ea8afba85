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

/** What a caller may tune. Everything is optional; the defaults suit a screen capture. */
export interface DecodeOptions {
  /**
   * Time the escalation passes may spend on one image, in milliseconds
   * (default 1000). The plain pass always runs in full.
   */
  budgetMs?: number;
  /**
   * true (default): escalate until an authenticator text (otpauth:// or
   * otpauth-migration://) is found. false: escalate only when nothing at all
   * was read.
   */
  wantOtp?: boolean;
}
