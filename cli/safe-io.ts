/**
 * The last line of defence for the terminal: everything a command prints goes
 * through here, so a label, a QR text or a file name can never carry an
 * escape sequence (ESC, BEL, C1, bidi overrides) to the terminal. Our own
 * line breaks pass; every other unsafe character is shown as `\xNN`.
 */
import { printableText } from '../common/safe-text';
import type { CliIo } from './io';

export function safeIo(io: CliIo): CliIo {
  // Each member passed on by name, not spread: a spread would read `interactive` (and so set up stdin) now.
  return {
    out: (text) => io.out(printableText(text, '\n')),
    err: (text) => io.err(printableText(text, '\n')),
    ask: (question) => io.ask(printableText(question)),
    askHidden: (question) => io.askHidden(question),
    readStdin: (maxBytes) => io.readStdin(maxBytes),
    get interactive() {
      return io.interactive;
    },
    env: io.env,
  };
}
