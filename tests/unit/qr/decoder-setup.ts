/** Every QR test file starts the decoder the way the CLI does: wasm from node_modules, no network. */
import { beforeAll } from 'vitest';
import { prepareDecoderForNode } from '../../../cli/qr-from-file';
import { BUDGETS } from '../../../common/qr/budget';

export function useNodeDecoder(): void {
  beforeAll(async () => {
    await prepareDecoderForNode();
  });
}

/**
 * Tests never depend on timing. The work budget already makes the outcome
 * the same on any machine; the wall-clock safety stop is moved out of reach
 * (it is tested with an injected clock).
 * UNHURRIED: unlimited work, every pass may run (tests of what a pass can read).
 * AS_SHIPPED: the app's screen-scan work budget (tests of what users get).
 */
export const UNHURRIED = { budget: { work: 1e12, ceilingMs: 600_000 } };
export const AS_SHIPPED = { budget: { ...BUDGETS.screen, ceilingMs: 600_000 } };
