/**
 * A sample of the generated corpus (the bench runs all of it): 60 ORDINARY
 * images covering every condition, every one fully read; 20 HARD images,
 * at least 90 % read, with the app's own work budget. Never a text that is
 * not in the image.
 */
import { describe, expect, it } from 'vitest';
import { decodeQrCodes } from '../../../common/qr/pipeline';
import type { CorpusCase } from '../../support/qr-corpus/case';
import { hardCases } from '../../support/qr-corpus/hard';
import { ordinaryCases } from '../../support/qr-corpus/ordinary';
import { AS_SHIPPED, useNodeDecoder } from './decoder-setup';

useNodeDecoder();

/** `count` cases spread evenly over the list (the list is grouped by condition, so every condition is hit). */
function spread(cases: CorpusCase[], count: number): CorpusCase[] {
  return Array.from({ length: count }, (_, i) => cases[Math.floor((i * cases.length) / count)] as CorpusCase);
}

async function decode(c: CorpusCase) {
  const { image, expected } = await c.build();
  // The shipped work budget: the same answer on any machine, so no need for an unlimited one.
  const found = await decodeQrCodes(image, AS_SHIPPED);
  return { expected, texts: found.map((r) => r.text) };
}

describe('the corpus itself', () => {
  it('has at least 200 ordinary and 330 hard images with unique ids, 30 per hard condition', () => {
    const ordinary = ordinaryCases();
    const hard = hardCases();
    expect(ordinary.length).toBeGreaterThanOrEqual(200);
    expect(hard.length).toBeGreaterThanOrEqual(330);
    for (const kind of ['covered-toast', 'screen-photo', 'long-transfer-small', 'heavy-jpeg'])
      expect(hard.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(30);
    for (const kind of new Set(hard.map((c) => c.kind)))
      expect(hard.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(30);
    expect(new Set([...ordinary, ...hard].map((c) => c.id)).size).toBe(ordinary.length + hard.length);
  });

  it('is deterministic: the same id gives the same pixels', async () => {
    const [a, b] = [ordinaryCases()[40]!, ordinaryCases()[40]!];
    const [x, y] = [await a.build(), await b.build()];
    expect(x.expected).toEqual(y.expected);
    expect(Buffer.from(x.image.data).equals(Buffer.from(y.image.data))).toBe(true);
  });
});

describe('ORDINARY sample: every image fully read, nothing else', () => {
  const sample = spread(ordinaryCases(), 60);

  it('covers every ordinary condition', () => {
    expect(new Set(sample.map((c) => c.kind))).toEqual(new Set(ordinaryCases().map((c) => c.kind)));
  });

  it.each(sample.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const { expected, texts } = await decode(c);
    expect([...texts].sort()).toEqual([...expected].sort());
  });
});

describe('HARD sample: at least 90 % read, never a wrong text', () => {
  const sample = spread(hardCases(), 20);
  const outcomes: boolean[] = [];

  it.each(sample.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const { expected, texts } = await decode(c);
    for (const t of texts) expect(expected).toContain(t);
    outcomes.push(expected.every((e) => texts.includes(e)));
  });

  it('reads at least 18 of the 20', () => {
    expect(outcomes).toHaveLength(20);
    expect(outcomes.filter(Boolean).length).toBeGreaterThanOrEqual(18);
  });
});
