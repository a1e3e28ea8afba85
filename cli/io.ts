/** The CLI's connection to the outside world, passed in so commands never touch process.* directly. */
import { AuthdeskError } from '../common/errors';
import { fdWriter, noteStreamWrite } from './fd-write';
import { readHidden } from './hidden-input';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether a person can answer a question (stdin and stdout are terminals). */
  interactive: boolean;
  ask(question: string): Promise<string>;
  /**
   * Asks on the terminal without echoing what is typed: passwords, and links
   * or keys that must not show on screen. Only called when `interactive`.
   */
  askHidden(question: string): Promise<string>;
  /** All of standard input (for `authdesk add -`), at most `maxBytes`. */
  readStdin(maxBytes: number): Promise<string>;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  // Straight to fd 1 and 2 (fd-write.ts): process.stdout is made only when a question needs it.
  // `authdesk list | head` closes the pipe early: that ends the command quietly, not with a stack trace.
  const out = fdWriter(1);
  const err = fdWriter(2);
  return {
    out: (text) => out(`${text}\n`),
    err: (text) => err(`${text}\n`),
    // A getter: touching process.stdin sets up the stdin stream (~5 ms), which list and code never need.
    get interactive() {
      return Boolean(process.stdin.isTTY && process.stdout.isTTY);
    },
    ask: async (question) => {
      // Loaded here: readline costs every start a few ms, and only questions need it.
      const { createInterface } = await import('node:readline/promises');
      noteStreamWrite(); // the prompt goes through process.stdout: the process must not end before it is out
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    askHidden: (question) => {
      noteStreamWrite(); // as for ask: the prompt goes through process.stderr
      return readHidden(process.stdin, process.stderr, question);
    },
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes)
          throw new AuthdeskError(
            'bad-input',
            `Standard input is larger than ${maxBytes} bytes: that is not an otpauth:// link.`,
          );
        chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
  };
}
