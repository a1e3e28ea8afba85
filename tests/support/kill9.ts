/**
 * Kill -9 runs of the real CLI, reusable by any operation: start `authdesk
 * <args>`, SIGKILL it at a random moment (a seeded delay, or the instant a
 * given file appears in the data folder, which lands inside the short write
 * window without timing luck), and report whether the kill was real (the
 * process was still running) and what it had ACKNOWLEDGED on stdout before it
 * died. Callers then check the vault with a fresh CLI run
 * (tests/integration/kill9-operations.test.ts).
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { collect, runCli, type CliResult } from '../cli/support/cli-process';

/** Kill after a delay, when a file whose name starts with `prefix` (or is `exact`) appears or is renamed, or never. */
export type KillTrigger =
  { kind: 'delay'; ms: number } | { kind: 'file'; prefix?: string; exact?: string } | { kind: 'none' };

// The metadata write sequence, in order: .lock, accounts.json.tmp-*, accounts.json.bak (link of the old file), accounts.json.
export const FILE_TRIGGERS: KillTrigger[] = [
  { kind: 'file', prefix: '.lock' },
  { kind: 'file', prefix: 'accounts.json.tmp-' },
  { kind: 'file', exact: 'accounts.json.bak' },
  { kind: 'file', exact: 'accounts.json' },
];

export interface KillRun extends CliResult {
  trigger: KillTrigger;
  /** The SIGKILL hit a running process (not one that had already exited). */
  realKill: boolean;
  ms: number;
}

/** Small seeded PRNG (mulberry32): the same kill schedule on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A trigger for an operation that takes about `durationMs` when left alone:
 * 30 % anywhere in its life (start-up included), 30 % in its last part (where
 * the keychain and file writes are), 40 % on a file event.
 */
export function pickTrigger(random: () => number, durationMs: number): KillTrigger {
  const pick = random();
  if (pick < 0.3) return { kind: 'delay', ms: Math.floor(random() * durationMs) };
  if (pick < 0.6) return { kind: 'delay', ms: Math.floor(durationMs * (0.55 + 0.5 * random())) };
  return FILE_TRIGGERS[Math.floor(random() * FILE_TRIGGERS.length)]!;
}

/** Runs the CLI once and SIGKILLs it when the trigger fires (if it is still running then). */
export async function runAndKill(
  cliFile: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  dataDir: string,
  trigger: KillTrigger,
): Promise<KillRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [cliFile, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = collect(child);
  let sent = false;
  const kill = () => {
    if (sent || child.exitCode !== null || child.signalCode !== null) return;
    sent = child.kill('SIGKILL');
  };
  let stop = () => {};
  if (trigger.kind === 'delay') {
    const timer = setTimeout(kill, trigger.ms);
    stop = () => clearTimeout(timer);
  } else if (trigger.kind === 'file') {
    const watcher = watch(dataDir, (_event, file) => {
      if (file && (file === trigger.exact || (trigger.prefix !== undefined && file.startsWith(trigger.prefix)))) kill();
    });
    stop = () => watcher.close();
  }
  const result = await done;
  stop();
  return { ...result, trigger, realKill: sent && result.signal === 'SIGKILL', ms: Date.now() - started };
}

/** How long the operation takes when not killed (to spread the delays over its real life). */
export async function timeRun(cliFile: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = Date.now();
  const r = await runCli(cliFile, args, env);
  if (r.code !== 0) throw new Error(`calibration run of ${args[0]} failed: ${r.stderr}`);
  return Date.now() - started;
}

/** Per-operation counts for the report. */
export interface KillTally {
  runs: number;
  realKills: number;
  /** The killed process had printed its success line before it died. */
  acknowledgedBeforeKill: number;
  finished: number;
  acknowledgedLost: number;
}

export const emptyTally = (): KillTally => ({
  runs: 0,
  realKills: 0,
  acknowledgedBeforeKill: 0,
  finished: 0,
  acknowledgedLost: 0,
});

export function tallyRun(t: KillTally, run: KillRun, acknowledged: boolean): void {
  t.runs++;
  if (run.realKill) t.realKills++;
  if (run.realKill && acknowledged) t.acknowledgedBeforeKill++;
  if (run.code === 0) t.finished++;
}
