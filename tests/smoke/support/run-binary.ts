/**
 * Starts the app binary directly (no Playwright) and collects what it says:
 * for `--self-test` and the fuse checks, which must work on the real,
 * fused, packaged binary. Every run here ends by itself (the self-test exits);
 * the timeout only turns a hang into a clear failure.
 */
import { spawn } from 'node:child_process';

export interface BinaryRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The --self-test report, if one JSON line with selfTest: 'authdesk' was printed. */
  report: {
    selfTest: 'authdesk';
    ok: boolean;
    packaged: boolean;
    checks: { name: string; ok: boolean; detail: string }[];
  } | null;
}

export function runBinary(
  binary: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<BinaryRun> {
  // Linux CI runners restrict the user namespaces Chromium's sandbox uses;
  // Playwright passes --no-sandbox for the same reason. No fuse depends on it.
  const extra = process.platform === 'linux' ? ['--no-sandbox'] : [];
  const child = spawn(binary, [...args, ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${binary} ${args.join(' ')} did not exit within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, report: parseReport(stdout) });
    });
  });
}

function parseReport(stdout: string): BinaryRun['report'] {
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{"selfTest":"authdesk"')) continue;
    try {
      return JSON.parse(line) as BinaryRun['report'];
    } catch {
      return null;
    }
  }
  return null;
}
