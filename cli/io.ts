/** The CLI's connection to the outside world, passed in so commands never touch process.* directly. */
import { createInterface } from 'node:readline/promises';
import { askSecretOnTty } from './secret-prompt';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether a person can answer a question (stdin and stdout are terminals). */
  interactive: boolean;
  ask(question: string): Promise<string>;
  /** Like ask, without echo (passwords). Only called when `interactive`. */
  askSecret(question: string): Promise<string>;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  // `authdesk list | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  return {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ask: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    askSecret: askSecretOnTty,
    env: process.env,
  };
}
