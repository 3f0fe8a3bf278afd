/**
 * Whether this server has finished its start-up work, and which step it is at: `startServer` moves it along,
 * `GET /api/health/ready` reads it (./health.routes.ts). A server built without one (tests, tools) is ready.
 */
export class Readiness {
  #step: string | null;
  #readyAt: number | null = null;
  #progress: { done: number; total: number } | null = null;
  readonly #startedAt: number;

  constructor(step = 'starting', startedAt: number = performance.timeOrigin) {
    this.#step = step;
    this.#startedAt = startedAt;
  }

  /** A server that has nothing left to do at start-up. */
  static ready(): Readiness {
    const readiness = new Readiness();
    readiness.markReady();
    return readiness;
  }

  /** The step in progress, or null once ready. */
  get step(): string | null {
    return this.#step;
  }

  /** Seconds from the process's start to ready; null before. */
  get startupSeconds(): number | null {
    return this.#readyAt === null ? null : (this.#readyAt - this.#startedAt) / 1000;
  }

  /** How far the step in progress is (organisations whose cubes are loaded, of how many), or null. */
  get progress(): { readonly done: number; readonly total: number } | null {
    return this.#progress;
  }

  /** Names the step now in progress. */
  at(step: string): void {
    if (this.#readyAt === null) {
      this.#step = step;
      this.#progress = null;
    }
  }

  /** Records how far the step in progress is. */
  advance(done: number, total: number): void {
    if (this.#readyAt === null) this.#progress = { done, total };
  }

  markReady(): void {
    this.#step = null;
    this.#progress = null;
    this.#readyAt = performance.timeOrigin + performance.now();
  }
}
