/**
 * Whatever bytes arrive, import ends in entries or in an AuthdeskError with a
 * stable code: never a crash, a stack trace or an 'internal' error. Checked
 * on every importable vector cut short and with a bit flipped, and on random
 * bytes and random JSON.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AuthdeskError } from '../../../common/errors';
import { parseImport } from '../../../core/transfer/index';
import { describeWithVectors, readVectorJson, vectorPath } from '../../support/vectors';

const EXPECTED_CODES = new Set([
  'damaged-file',
  'wrong-password',
  // A flipped bit in a ZipCrypto zip's content cannot be told from a wrong password (Authenticator Plus).
  'wrong-password-or-damaged',
  'password-required',
  'unknown-format',
  'unsupported',
  'file-too-large',
]);

/** Runs an import and returns 'ok' or the error code; anything not an AuthdeskError fails the test. */
async function outcome(bytes: Uint8Array, password?: string): Promise<string> {
  try {
    await parseImport(bytes, 'input', { password });
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(AuthdeskError);
    expect((err as Error).message).not.toMatch(/\n/);
    return (err as AuthdeskError).code;
  }
}

describe('random input', () => {
  it('random bytes give a clear error or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const code = await outcome(bytes, 'pw');
        expect(code === 'ok' || EXPECTED_CODES.has(code) || code.startsWith('bad-') || code === 'not-otp', code).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('random JSON gives a clear error or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), async (text) => {
        const code = await outcome(Buffer.from(text), 'pw');
        expect(code).not.toBe('internal');
      }),
      { numRuns: 300 },
    );
  });

  it('an image is refused with a pointer to add --image', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await expect(parseImport(png, 'qr.png')).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/add --image/),
    });
  });
});

describeWithVectors('vector files cut short or with a bit flipped', () => {
  const files = readVectorJson<{ files: Record<string, { kind: string; password?: string }> }>(
    'importers',
    'expected.json',
  ).files;
  const userExports = Object.entries(files).filter(([, f]) => f.kind === 'user_export');

  it.each(userExports)('%s: a clear error or a correct read, never a crash', async (name, meta) => {
    const bytes = readFileSync(vectorPath('importers', name));
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    // A line-based file cut short still holds its complete lines (the broken one is a per-entry problem).
    const cut = await outcome(half, meta.password);
    expect(EXPECTED_CODES.has(cut) || (cut === 'ok' && /\.(txt|csv)$/.test(name)), cut).toBe(true);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length * 0.7)]! ^= 0x04;
    const code = await outcome(flipped, meta.password);
    // A flip inside a label or a key of a plain file may still import; it must not crash.
    expect(code === 'ok' || EXPECTED_CODES.has(code) || code.startsWith('bad-') || code === 'malformed-uri', code).toBe(
      true,
    );
  });
});
