/** The decoder's input and output: plain pixels in, texts with positions out. Runs in a Web Worker and in Node. */
import type { WorkBudget } from './budget';

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
   * How much work the escalation passes may do on one image, and the
   * wall-clock safety stop (default BUDGETS.screen, see budget.ts). Work,
   * not time: the same image gives the same answer on any machine. The
   * plain pass always runs in full; work 0 means the plain pass only.
   */
  budget?: WorkBudget;
  /**
   * true (default): escalate until an authenticator text (otpauth:// or
   * otpauth-migration://) is found. false: escalate only when nothing at all
   * was read.
   */
  wantOtp?: boolean;
}

/** Everything one decode found, and how much of its budget it used. */
export interface DecodeReport {
  codes: DecodedQr[];
  /** Units of escalation work spent, and the budget's units. */
  work: { spent: number; budget: number };
  /**
   * True when the wall-clock safety stop ended the escalation before its work
   * budget did: the machine was too slow or too busy, and another run might
   * find more. Never true on an ordinary machine.
   */
  stoppedAtCeiling: boolean;
}
