/**
 * Writes the CLI's output straight to file descriptors 1 and 2. Creating process.stdout
 * for a pipe or terminal loads Node's stream and socket machinery, ~5 ms of every
 * `authdesk list | ...` that prints a few lines; a synchronous write needs none of it.
 *
 * - A reader that went away (EPIPE, `authdesk list | head`) ends the command quietly with
 *   the exit status it had, as before.
 * - A full non-blocking pipe (EAGAIN) or anything else unusual: the rest, and every later
 *   write, goes through process.stdout / process.stderr, which know how to wait.
 * - Windows: always the streams (they write Unicode to the console correctly).
 */
import { writeSync } from 'node:fs';

let streamed = false;

/** Whether every write so far went straight to its file descriptor, so none waits in a stream's buffer. */
export const everythingWritten = (): boolean => !streamed;

/** For writers other than fdWriter (a question's prompt): process.stdout or process.stderr was written to. */
export const noteStreamWrite = (): void => {
  streamed = true;
};

export function fdWriter(fd: 1 | 2): (text: string) => void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  let useStream = process.platform === 'win32';
  return (text) => {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    if (!useStream) {
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
        useStream = true;
      }
    }
    streamed = true;
    const s = stream();
    if (fd === 1 && s.listenerCount('error') === 0)
      s.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      });
    s.write(bytes.subarray(written));
  };
}
