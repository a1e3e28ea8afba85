/** Every QR test file starts the decoder the way the CLI does: wasm from node_modules, no network. */
import { beforeAll } from 'vitest';
import { prepareDecoderForNode } from '../../../cli/qr-from-file';

export function useNodeDecoder(): void {
  beforeAll(async () => {
    await prepareDecoderForNode();
  });
}

/**
 * Tests never depend on timing: they give escalation a budget no machine
 * exhausts, so the outcome is decided by the passes, not by load. The budget
 * itself is tested with an injected clock.
 */
export const UNHURRIED = { budget: { work: 1e12, ceilingMs: 600_000 } };
