/**
 * Keeps key material out of core dumps, as far as plain Node can.
 *
 * A crash of the main process could otherwise write its memory (decoded
 * keys in core/otp/key-cache.ts, a keychain value just read) into a core
 * file or to systemd-coredump. On Linux, /proc/<pid>/coredump_filter picks
 * which memory mappings a dump contains; "0" means none of them (no
 * anonymous, file-backed, shared, huge-page or ELF-header mappings), so a
 * dump keeps only the thread registers and notes. The value is inherited
 * across fork and exec, so processes started after it (GPU, utility) get it
 * too; renderers fork from Chromium's zygote, which starts before our code
 * runs, so their pids are written explicitly once they exist.
 *
 * Not possible without native code (Node has no binding for them):
 * setrlimit(RLIMIT_CORE, 0), prctl(PR_SET_DUMPABLE, 0) (which would also
 * stop same-user ptrace and /proc/<pid>/mem reads), macOS
 * ptrace(PT_DENY_ATTACH), and Windows Error Reporting exclusions. See
 * docs/security.md, "Core dumps".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { App } from 'electron';

export interface CoreDumpOutcome {
  applied: boolean;
  /** One line for the log: what was done, or why not. */
  detail: string;
}

/** Writes "0" to the coredump_filter of `pid` (this process by default). Never throws. */
export function limitCoreDumps(pid: number | 'self' = 'self', platform = process.platform): CoreDumpOutcome {
  if (platform !== 'linux') return { applied: false, detail: `no core dump filter on ${platform} without native code` };
  const file = `/proc/${pid}/coredump_filter`;
  try {
    writeFileSync(file, '0');
    const now = Number.parseInt(readFileSync(file, 'utf8').trim(), 16);
    if (now !== 0) return { applied: false, detail: `${file} reads ${now.toString(16)} after writing 0` };
    return { applied: true, detail: `${file} = 0` };
  } catch (err) {
    // A kernel without the file, or a process that already exited: nothing else to do.
    return { applied: false, detail: `${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
}

/**
 * Applies the filter to every helper process Electron reports (renderers
 * included) whenever a page has loaded: a renderer that was started after
 * the last pass gets it at its first load.
 */
export function limitHelperCoreDumps(app: App, platform = process.platform): void {
  if (platform !== 'linux') return;
  const done = new Set<number>([process.pid]);
  const pass = () => {
    for (const metric of app.getAppMetrics()) {
      if (done.has(metric.pid)) continue;
      if (limitCoreDumps(metric.pid, platform).applied) done.add(metric.pid);
    }
  };
  app.on('web-contents-created', (_event, contents) => {
    contents.on('did-finish-load', pass);
  });
}
