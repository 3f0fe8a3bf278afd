/**
 * A first-come, first-served lock for one shared resource (the single PGlite session).
 * `lock()` resolves when the caller holds it; the holder must call `unlock()` exactly once.
 *
 * @example await mutex.lock(); try { … } finally { mutex.unlock(); }
 */
export class Mutex {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    if (!this.#held) throw new Error('Mutex.unlock() called while the mutex was not held.');
    const next = this.#waiting.shift();
    // Hand the lock straight to the next waiter so no one can overtake it in between.
    if (next === undefined) this.#held = false;
    else next();
  }
}
