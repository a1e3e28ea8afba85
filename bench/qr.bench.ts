/**
 * QR decoder figures over the whole generated corpus: how many images plain
 * zxing reads alone vs the full pipeline (default work budget, BUDGETS.screen),
 * wrong texts (must be 0), decode time per set, read rates per hard
 * condition, and the screenshot decode time at FHD and 4K.
 * Goals: >= 99.5 % ordinary, >= 90 % hard (and in each hard condition),
 * 0 wrong, 4K <= 60 ms.
 */
import { prepareDecoderForNode } from '../cli/qr-from-file';
import { decodeQrCodes, decodeQrImage } from '../common/qr/pipeline';
import type { CorpusCase } from '../tests/support/qr-corpus/case';
import { onScreenshot } from '../tests/support/qr-corpus/compose';
import { hardCases } from '../tests/support/qr-corpus/hard';
import { ordinaryCases } from '../tests/support/qr-corpus/ordinary';
import { createRng } from '../tests/support/qr-corpus/prng';
import { renderQr } from '../tests/support/qr-corpus/qr-raster';
import { otpauthText } from '../tests/support/qr-corpus/texts';

interface SetFigures {
  name: string;
  /** Per condition: images, plain reads, full reads. */
  kinds: Map<string, { images: number; plain: number; full: number }>;
  /** Escalation work units run and their wall time (the machine's current rate). */
  units: number;
  unitMs: number;
  /** Images where the wall-clock safety stop, not the work budget, ended the search. */
  ceilingHits: number;
  images: number;
  plainRead: number;
  fullRead: number;
  wrong: number;
  plainMs: number[];
  fullMs: number[];
  misses: string[];
  passes: Map<string, number>;
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
const ms = (v: number) => `${v.toFixed(0)} ms`;

async function measureSet(name: string, cases: CorpusCase[]): Promise<SetFigures> {
  const f: SetFigures = {
    name,
    images: cases.length,
    plainRead: 0,
    fullRead: 0,
    wrong: 0,
    plainMs: [],
    fullMs: [],
    misses: [],
    passes: new Map(),
    kinds: new Map(),
    units: 0,
    unitMs: 0,
    ceilingHits: 0,
  };
  for (const c of cases) {
    const { image, expected } = await c.build();
    const readAll = (texts: string[]) => expected.every((e) => texts.includes(e));
    let t = performance.now();
    const plain = await decodeQrCodes(image, { plainOnly: true });
    f.plainMs.push(performance.now() - t);
    t = performance.now();
    const report = await decodeQrImage(image, {
      trace: (_step: string, ms: number, _added: number, work?: number) => {
        f.units += work ?? 0;
        f.unitMs += ms;
      },
    });
    f.fullMs.push(performance.now() - t);
    const full = report.codes;
    if (report.stoppedAtCeiling) f.ceilingHits++;
    const wrong = [...plain, ...full].filter((r) => !expected.includes(r.text));
    f.wrong += wrong.length;
    const kind = f.kinds.get(c.kind) ?? { images: 0, plain: 0, full: 0 };
    f.kinds.set(c.kind, kind);
    kind.images++;
    if (readAll(plain.map((r) => r.text))) {
      f.plainRead++;
      kind.plain++;
    }
    if (readAll(full.map((r) => r.text)) && wrong.length === 0) {
      f.fullRead++;
      kind.full++;
    } else f.misses.push(c.id);
    for (const r of full) f.passes.set(r.pass, (f.passes.get(r.pass) ?? 0) + 1);
  }
  return f;
}

async function screenshotMedian(
  width: number,
  height: number,
  runs: number,
): Promise<{ median: number; p95: number; ok: boolean }> {
  const rng = createRng(width);
  const text = otpauthText(rng);
  const { image } = onScreenshot(width, height, [renderQr(text, { moduleSize: Math.round(width / 640) + 2 })], rng);
  const times: number[] = [];
  let ok = true;
  for (let i = 0; i < runs + 3; i++) {
    const t = performance.now();
    const found = await decodeQrCodes(image);
    if (i >= 3) times.push(performance.now() - t);
    ok &&= found.length === 1 && found[0]?.text === text;
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), ok };
}

export async function run(): Promise<void> {
  await prepareDecoderForNode();
  // Warm up the wasm and the JIT so the first image does not carry start-up costs.
  await screenshotMedian(1280, 720, 3);

  const sets = [await measureSet('ordinary', ordinaryCases()), await measureSet('hard', hardCases())];
  console.log(
    '\n| set | images | plain zxing read | full pipeline read | goal | wrong texts | plain median / p95 | full median / p95 / max |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const f of sets) {
    const goal = f.name === 'ordinary' ? '>= 99.5 %' : '>= 90 %';
    console.log(
      `| ${f.name} | ${f.images} | ${f.plainRead} (${pct(f.plainRead, f.images)}) | ${f.fullRead} (${pct(f.fullRead, f.images)}) | ${goal} | ${f.wrong} | ${ms(quantile(f.plainMs, 0.5))} / ${ms(quantile(f.plainMs, 0.95))} | ${ms(quantile(f.fullMs, 0.5))} / ${ms(quantile(f.fullMs, 0.95))} / ${ms(Math.max(...f.fullMs))} |`,
    );
  }
  const hard = sets[1]!;
  console.log('\n| hard condition | images | plain zxing read | full pipeline read | goal |');
  console.log('|---|---|---|---|---|');
  for (const [kind, k] of hard.kinds)
    console.log(`| ${kind} | ${k.images} | ${pct(k.plain, k.images)} | ${pct(k.full, k.images)} | >= 90 % |`);
  for (const f of sets) {
    if (f.units > 0)
      console.log(
        `\n${f.name}: escalation ran ${(f.units / 1e6).toFixed(0)} M work units in ${(f.unitMs / 1000).toFixed(1)} s: ${((f.unitMs * 1e6) / f.units).toFixed(0)} ns per unit on this machine now`,
      );
    console.log(`${f.name}: safety stop (wall clock) hit on ${f.ceilingHits} of ${f.images} images`);
    console.log(`${f.name}: found by pass: ${[...f.passes].map(([p, n]) => `${p} ${n}`).join(', ')}`);
    if (f.misses.length > 0) console.log(`${f.name}: not fully read: ${f.misses.join(', ')}`);
  }

  console.log('\n| screenshot (one code, full pipeline) | median | p95 | read | goal |');
  console.log('|---|---|---|---|---|');
  for (const [w, h, goal] of [
    [1920, 1080, '-'],
    [3840, 2160, '<= 60 ms'],
  ] as const) {
    const s = await screenshotMedian(w, h, 15);
    console.log(`| ${w}x${h} | ${ms(s.median)} | ${ms(s.p95)} | ${s.ok ? 'yes' : 'NO'} | ${goal} |`);
  }
}
