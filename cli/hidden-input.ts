/**
 * One line read from a terminal in raw mode without echo: what is typed (an
 * otpauth:// link with its key) never appears on screen, in scrollback or in
 * shell history. Ctrl+C / Ctrl+D cancel; Backspace works.
 */
import type { Writable } from 'node:stream';
import { AuthdeskError } from '../common/errors';
import type { ReadStream } from 'node:tty';

export function readHidden(input: NodeJS.ReadStream, output: Writable, question: string): Promise<string> {
  const tty = input as ReadStream;
  // Echo off BEFORE the question appears: anything typed (or pasted) after it is never shown.
  tty.setRawMode?.(true);
  output.write(question);
  return new Promise((resolve, reject) => {
    let line = '';
    const wasRaw = false;
    const finish = (error: Error | null) => {
      input.off('data', onData);
      tty.setRawMode?.(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004')
          return finish(new AuthdeskError('bad-input', 'Cancelled: nothing was added.'));
        if (char === '\u007f' || char === '\b') line = [...line].slice(0, -1).join('');
        else line += char;
      }
    };
    input.resume();
    input.on('data', onData);
  });
}
