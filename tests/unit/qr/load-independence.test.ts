/**
 * One image, one answer, however busy the machine: hard corpus images whose
 * escalation runs until its work budget is spent are decoded once as the
 * machine is, and once more with busy worker threads on every core. The
 * texts, their positions, the passes that ran and the work spent must be
 * identical. (With the old wall-clock budget the busy run got through fewer
 * passes and could miss what the first run read.)
 *
 * The work budget is smaller than the shipped one so the test stays fast; the
 * property does not depend on its size. The wall-clock ceiling is out of
 * reach here: it is the only thing allowed to make runs differ.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';
import { decodeQrImage } from '../../../common/qr/pipeline';
import { hardCases } from '../../support/qr-corpus/hard';
import { useNodeDecoder } from './decoder-setup';

useNodeDecoder();

const SAMPLE = ['hard/screen-photo/08', 'hard/heavy-jpeg/06', 'hard/long-transfer-small/01'];
const BUDGET = { work: 8_000_000, ceilingMs: 600_000 };

async function decodeSample() {
  const cases = hardCases().filter((c) => SAMPLE.includes(c.id));
  expect(cases.map((c) => c.id).sort()).toEqual([...SAMPLE].sort());
  const outcomes = [];
  for (const c of cases) {
    const { image } = await c.build();
    const steps: string[] = [];
    const report = await decodeQrImage(image, { budget: BUDGET, trace: (step) => steps.push(step) });
    outcomes.push({
      id: c.id,
      codes: report.codes,
      work: report.work,
      stoppedAtCeiling: report.stoppedAtCeiling,
      steps,
    });
  }
  return outcomes;
}

/** Busy threads on every core; resolves once all of them are spinning. */
async function loadEveryCore(): Promise<() => Promise<void>> {
  const workers = Array.from(
    { length: os.availableParallelism() },
    () =>
      new Worker(
        "require('node:worker_threads').parentPort.postMessage('up'); let x = 0; for (;;) x = (x * 31 + 7) % 1000003;",
        { eval: true },
      ),
  );
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  return async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
}

let stopLoad: (() => Promise<void>) | undefined;
afterAll(async () => stopLoad?.());

it('decodes hard images to the same result idle and with every core busy', async () => {
  const idle = await decodeSample();
  // The sample must exercise the budget: one image runs out of it (nothing read, what was left
  // too small for the next step), others are read only after several escalation steps.
  expect(idle.some((o) => o.codes.length === 0 && o.work.spent > 0.7 * BUDGET.work)).toBe(true);
  expect(idle.filter((o) => o.codes.length > 0 && o.steps.length > 1).length).toBeGreaterThanOrEqual(1);

  stopLoad = await loadEveryCore();
  const busy = await decodeSample();
  await stopLoad();
  stopLoad = undefined;

  expect(busy).toEqual(idle);
  expect(busy.every((o) => !o.stoppedAtCeiling)).toBe(true);
}, 300_000);
