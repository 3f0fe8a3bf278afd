/**
 * No request freezes the others (issue 11, part 3): while a 100 MB file is checked (read in a worker thread,
 * checked in slices that give the event loop turns), another client's evaluations keep answering. Only that
 * they answered is asserted; how fast is the benchmark's (bench/robustness.bench.ts). PostgreSQL only: the file
 * is large and CI time matters.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { type AccessWorld, createAccessWorld, DATA_MONTH } from '../../../test/fixtures/access-world.ts';

/** A long-format CSV of about `bytes` bytes: one unit and element, rows with a comment to make them long. */
export function largeCsv(unit: string, element: string, bytes: number): Uint8Array {
  const comment = 'checked against the ward census and the HIS export of the same month'.padEnd(80, '.');
  const lines = ['org_unit,period,data_element,value,comment'];
  let size = lines[0]?.length ?? 0;
  for (let i = 0; size < bytes; i += 1) {
    const line = `${unit},${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')},${element},${i % 997},${comment}`;
    lines.push(line);
    size += line.length + 2;
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

describeEachEngine(
  'a 100 MB import beside evaluations',
  (getDb) => {
    let w: AccessWorld;
    beforeAll(async () => {
      w = await createAccessWorld(getDb());
    }, 120_000);
    afterAll(() => w.server.close());

    it('answers evaluations while a 100 MB file is being checked', { timeout: 900_000 }, async () => {
      const bytes = largeCsv(w.units.inside, w.scorecard.numerator, 100_000_000);
      const session = w.session('admin');
      const url = `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${w.units.scopeTop}&period=${DATA_MONTH}`;
      let importing = true;
      const answered: number[] = [];
      // The upload, as raw bytes (requestAs sends JSON bodies only).
      const upload = w.server.app
        .inject({
          method: 'POST',
          url: '/api/imports?kind=data&fileName=large.csv',
          headers: { ...session.headers, 'content-type': 'text/csv' },
          payload: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        })
        .finally(() => {
          importing = false;
        });
      while (importing) {
        const response = await w.server.requestAs(session, 'GET', url);
        answered.push(response.statusCode);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const report = await upload;
      expect(report.statusCode).toBe(200);
      expect(report.json().rowsRead).toBeGreaterThan(600_000);
      expect(answered.length).toBeGreaterThan(1);
      expect(answered.every((status) => status === 200)).toBe(true);
    });
  },
  { engines: ['postgres'] },
);
