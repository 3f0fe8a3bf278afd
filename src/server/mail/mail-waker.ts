/**
 * Asks the mail job for a run now, after a commit that queued mail, instead of waiting for its next minute.
 * The server attaches the job's enqueue at start-up; without it (a test, the CLI) waking does nothing and the
 * mail still leaves at the job's next run.
 */
export class MailWaker {
  #wake: (() => Promise<unknown>) | null = null;
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void = () => {}) {
    this.#onError = onError;
  }

  /** Called once the mail job is registered: `waker.attach(() => handle.enqueue({}))`. */
  attach(wake: () => Promise<unknown>): void {
    this.#wake = wake;
  }

  /** Requests a run; never throws (the mail is queued already: the next scheduled run sends it anyway). */
  wake(): void {
    const wake = this.#wake;
    if (wake === null) return;
    wake().catch(this.#onError);
  }
}
