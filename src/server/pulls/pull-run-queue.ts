/**
 * Where a run asked for by hand goes (`POST /api/pulls/{id}/run` answers 202 at once): the `pull-run` job of the
 * server's scheduler (./pull-run.job.ts), attached at start-up when the server runs jobs. Without a scheduler
 * (tests building the app alone, the CLI) or with it off (`HEALTHBSC_JOBS=off`, where nothing here would take
 * the job) the run goes on in this process, and `drain()` waits for it before the database closes.
 */
export class PullRunQueue {
  #enqueue: ((runId: number) => Promise<unknown>) | null = null;
  readonly #here = new Set<Promise<unknown>>();

  /** Called once the `pull-run` job is registered: `queue.attach((runId) => handle.enqueue({ runId }))`. */
  attach(enqueue: (runId: number) => Promise<unknown>): void {
    this.#enqueue = enqueue;
  }

  /**
   * Hands a recorded run over: to the job when attached, else to `runHere` in this process. Resolves once it is
   * handed over, not when it ends; rejects when the job queue refused it (the caller records the run failed).
   */
  async submit(runId: number, runHere: () => Promise<unknown>): Promise<void> {
    if (this.#enqueue !== null) {
      await this.#enqueue(runId);
      return;
    }
    // A run records its own failure; whatever escapes (the database closed under it) has nowhere else to go.
    const running: Promise<unknown> = runHere()
      .catch(() => undefined)
      .finally(() => this.#here.delete(running));
    this.#here.add(running);
  }

  /** Waits for the runs going on in this process. */
  async drain(): Promise<void> {
    while (this.#here.size > 0) await Promise.all([...this.#here]);
  }
}
