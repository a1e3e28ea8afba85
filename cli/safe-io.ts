/**
 * The last line of defence for the terminal: everything a command prints goes
 * through here, so a label, a QR text or a file name can never carry an
 * escape sequence (ESC, BEL, C1, bidi overrides) to the terminal. Our own
 * line breaks pass; every other unsafe character is shown as `\xNN`.
 */
import { printableText } from '../common/safe-text';
import type { CliIo } from './io';

export function safeIo(io: CliIo): CliIo {
  return {
    ...io,
    out: (text) => io.out(printableText(text, '\n')),
    err: (text) => io.err(printableText(text, '\n')),
    ask: (question) => io.ask(printableText(question)),
  };
}
