import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTemplate } from '../../test/engines.ts';
import { openInProcessPglite, type PgliteClient } from './pglite-client.ts';
import { openWorkerPglite } from './pglite-worker-client.ts';

/** Counts how often a 10 ms interval fires while `work` runs. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

// pg_sleep holds PGlite's thread for the whole second, like any slow query, whatever the machine's speed.
const SLOW_QUERY = 'select pg_sleep(1)';

describe('PGlite in a worker thread', () => {
  let client: PgliteClient;
  beforeAll(async () => {
    client = await openWorkerPglite({ dataDir: null, loadDataDir: await pgliteTemplate() });
  });
  afterAll(() => client.close());

  it('keeps a 10 ms timer firing while a slow query runs', async () => {
    // About 100 ticks are expected. A blocked loop fires at most once (the test below), so 3 proves the loop
    // was free while leaving room for a machine so busy that timers fire ten times late.
    expect(await ticksDuring(() => client.query(SLOW_QUERY, []))).toBeGreaterThanOrEqual(3);
  });

  it('rejects a parameter that cannot cross to the worker instead of waiting forever', async () => {
    await expect(client.query('select $1::text as value', [() => 'not data'])).rejects.toMatchObject({
      name: 'DataCloneError',
    });
  });
});

describe('PGlite in this thread', () => {
  let client: PgliteClient;
  beforeAll(async () => {
    client = await openInProcessPglite({ dataDir: null, loadDataDir: await pgliteTemplate() });
  });
  afterAll(() => client.close());

  it('starves a 10 ms timer during a slow query, which is why the server uses the worker', async () => {
    expect(await ticksDuring(() => client.query(SLOW_QUERY, []))).toBeLessThanOrEqual(1);
  });
});
