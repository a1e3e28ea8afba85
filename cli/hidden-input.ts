/**
 * One line read from a terminal in raw mode without echo, for everything that
 * must not appear on screen, in scrollback or in shell history: passwords and
 * otpauth:// links with their keys. Ctrl+C / Ctrl+D cancel; Backspace works;
 * other control characters are dropped (a pasted ESC sequence is not input).
 */
import type { Writable } from 'node:stream';
import { AuthdeskError } from '../common/errors';
import type { ReadStream } from 'node:tty';

export function readHidden(input: NodeJS.ReadStream, output: Writable, question: string): Promise<string> {
  const tty = input as ReadStream;
  const wasRaw = tty.isRaw ?? false;
  // Echo off BEFORE the question appears: anything typed (or pasted) after it is never shown.
  tty.setRawMode?.(true);
  output.write(question);
  return new Promise((resolve, reject) => {
    let line = '';
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
          return finish(new AuthdeskError('bad-input', 'Cancelled: nothing was changed.'));
        if (char === '\u007f' || char === '\b') line = [...line].slice(0, -1).join('');
        else if (char >= ' ') line += char;
      }
    };
    input.resume();
    input.on('data', onData);
  });
}
