/** One corpus image: built on demand (4K images are 33 MB each), with the texts it must decode to. */
import type { RgbaImage } from '../../../common/qr/types';
import { createRng, type Rng } from './prng';

export interface CorpusImage {
  image: RgbaImage;
  /** Every text encoded in the image (one per symbol; order not meaningful). */
  expected: string[];
  /** Where each expected symbol's tile was placed (same order), when the condition knows it. */
  boxes?: { x: number; y: number; width: number; height: number }[];
}

export interface CorpusCase {
  /** Stable id, e.g. "ordinary/jpeg/07": same id, same pixels. */
  id: string;
  set: 'ordinary' | 'hard';
  kind: string;
  build(): Promise<CorpusImage>;
}

export type Condition = (rng: Rng) => CorpusImage | Promise<CorpusImage>;

/** `count` cases of one condition, each seeded from its own id. */
export function casesOf(set: CorpusCase['set'], kind: string, count: number, condition: Condition): CorpusCase[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${set}/${kind}/${String(i).padStart(2, '0')}`;
    return { id, set, kind, build: async () => condition(createRng(seedOf(id))) };
  });
}

function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}
