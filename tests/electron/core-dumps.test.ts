/**
 * The core dump filter, for real on Linux: written to this test process and
 * to a child process (as main does for renderers), then read back from /proc.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limitCoreDumps } from '../../electron/core-dumps';

const onLinux = process.platform === 'linux';

describe.runIf(onLinux)('core dump filter (Linux)', () => {
  it('writes 0 to /proc/self/coredump_filter: a dump of this process holds no memory mappings', () => {
    const before = readFileSync('/proc/self/coredump_filter', 'utf8').trim();
    expect(Number.parseInt(before, 16)).not.toBe(0); // the kernel default (0x33) dumps memory
    expect(limitCoreDumps()).toEqual({ applied: true, detail: '/proc/self/coredump_filter = 0' });
    expect(readFileSync('/proc/self/coredump_filter', 'utf8').trim()).toBe('00000000');
  });

  it('writes it to another process of ours by pid (a renderer forked before main ran)', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const pid = child.pid!;
      expect(limitCoreDumps(pid).applied).toBe(true);
      expect(readFileSync(`/proc/${pid}/coredump_filter`, 'utf8').trim()).toBe('00000000');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('reports a process that is gone instead of throwing', () => {
    expect(limitCoreDumps(2 ** 22 + 7)).toMatchObject({ applied: false, detail: expect.stringMatching(/ENOENT/) });
  });
});

it('does nothing on macOS and Windows, and says why', () => {
  expect(limitCoreDumps('self', 'darwin')).toEqual({
    applied: false,
    detail: 'no core dump filter on darwin without native code',
  });
});
