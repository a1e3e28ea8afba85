/**
 * The one no-echo prompt (passwords and links): raw mode is on before the
 * question is written, what is typed never reaches the output, Backspace and
 * cancel work, and pasted control characters are not taken as input.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readHidden } from '../../cli/hidden-input';

/** A terminal-like stream: records raw-mode switches and what happened before the question. */
function fakeTerminal() {
  const input = new PassThrough() as PassThrough & { isRaw: boolean; setRawMode(on: boolean): void };
  const output = new PassThrough();
  const events: string[] = [];
  let written = '';
  input.isRaw = false;
  input.setRawMode = (on: boolean) => {
    input.isRaw = on;
    events.push(`raw:${on}`);
  };
  output.on('data', (chunk: Buffer) => {
    written += chunk.toString('utf8');
    events.push('write');
  });
  return { input, output, events, written: () => written };
}

const ask = (t: ReturnType<typeof fakeTerminal>) =>
  readHidden(t.input as unknown as NodeJS.ReadStream, t.output, 'Password: ');

describe('readHidden', () => {
  it('turns echo off before the question and back afterwards, and never writes what was typed', async () => {
    const t = fakeTerminal();
    const answer = ask(t);
    t.input.write('s3cret-pass\r');
    await expect(answer).resolves.toBe('s3cret-pass');
    expect(t.events[0]).toBe('raw:true');
    expect(t.events.at(-2)).toBe('raw:false');
    expect(t.written()).toBe('Password: \n');
  });

  it('handles Backspace by characters (an emoji is removed whole) and drops other control characters', async () => {
    const t = fakeTerminal();
    const answer = ask(t);
    t.input.write('ab😀\u007fc\u001b[31md\n');
    await expect(answer).resolves.toBe('abc[31md');
  });

  it('Ctrl+C and Ctrl+D cancel with a sentence, not a stack trace', async () => {
    for (const key of ['\u0003', '\u0004']) {
      const t = fakeTerminal();
      const answer = ask(t);
      t.input.write(`half${key}`);
      await expect(answer).rejects.toMatchObject({ code: 'bad-input', message: 'Cancelled: nothing was changed.' });
      expect(t.input.isRaw).toBe(false);
    }
  });
});
