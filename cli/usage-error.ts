/** Wrong usage (unknown command or flag, missing argument): exit code 2, unlike a failed operation (1). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help explains the right usage, if any. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
