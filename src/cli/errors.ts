/** A mistake in how the command was called (unknown flag, missing argument); exit code 2 with the usage text. */
export class UsageError extends Error {
  readonly usage?: string;
  constructor(message: string, usage?: string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}
