/**
 * The globals that every runtime of common/ has: Node 20, Chromium's window
 * and its Web Workers. tsconfig.common.json checks common/ with these and the
 * ECMAScript library only, so a DOM or Node API used here fails to compile
 * (the other tsconfigs bring the real declarations and never see this file).
 */
declare const performance: { now(): number };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
