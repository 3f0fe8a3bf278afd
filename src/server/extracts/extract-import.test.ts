import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { signInAsAdmin } from '../../../test/fixtures/accounts.ts';
import {
  expectedAggregates,
  IDENTIFYING_VALUES,
  smallExtractBytes,
  smallExtractDefinition,
} from '../../../test/fixtures/extracts/small-extract.ts';
import { countRows, createImportWorld, storedDataValues } from '../../../test/fixtures/imports/world.ts';
import type { ExtractDefinition } from '../../core/contracts/extracts.ts';
import type { Db } from '../../db/connect.ts';
import { buildApp } from '../app.ts';
import { importRoutes } from '../imports/import.routes.ts';
import { commitImport, dryRunImport, undoImport } from '../imports/import.service.ts';

const BOUNDARY = 'extract-boundary';

function multipart(file: { name: string; bytes: Uint8Array }, fields: Record<string, string>) {
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/** The world's two departments and three elements; the distinct-patient element is left out (no fourth element). */
function worldDefinition(w: Awaited<ReturnType<typeof createImportWorld>>): {
  definition: ExtractDefinition;
  expected: { orgUnit: string; period: string; dataElement: string; value: number }[];
} {
  const units = { cardiology: w.units.icu, orthopaedics: w.units.er };
  const elements = {
    discharges: w.elements.beds,
    readmissions: w.elements.pct,
    patients: 'UNUSED',
    cost: w.elements.occ,
  };
  const full = smallExtractDefinition(units, elements);
  return {
    definition: { ...full, elements: full.elements.filter((e) => e.dataElement !== 'UNUSED') },
    expected: expectedAggregates(units, elements)
      .filter((v) => v.dataElement !== 'UNUSED')
      .sort(
        (a, b) =>
          a.orgUnit.localeCompare(b.orgUnit) ||
          a.dataElement.localeCompare(b.dataElement) ||
          a.period.localeCompare(b.period),
      ),
  };
}

/** Every row of every table of the database as text. */
async function wholeDatabaseText(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
  `.execute(db.kysely);
  const texts: string[] = [];
  for (const { name } of rows) {
    const dump = await sql<{
      text: string | null;
    }>`select string_agg(t::text, '|') as text from ${sql.table(name)} t`.execute(db.kysely);
    texts.push(dump.rows[0]?.text ?? '');
  }
  return texts.join('\n');
}

describeEachEngine('extract imports', (getDb) => {
  it('a dry run reports the aggregates it would create and writes nothing', async () => {
    const w = await createImportWorld(getDb(), 'exdry');
    const { definition } = worldDefinition(w);
    const before = await countRows(getDb());
    const report = await dryRunImport(w.ctx, w.actor, {
      bytes: await smallExtractBytes('gb18030'),
      fileName: 'stays.csv',
      kind: 'extract',
      definition: JSON.stringify(definition),
    });
    expect({
      rowsRead: report.rowsRead,
      toCreate: report.toCreate,
      errors: report.errors,
      encoding: report.encoding,
    }).toEqual({
      rowsRead: 15,
      toCreate: 15,
      errors: [],
      encoding: 'gb18030',
    });
    expect(await countRows(getDb())).toEqual(before);
  });

  it('a commit stores the aggregates worked out by hand, under the kind extract, and undoes', async () => {
    const w = await createImportWorld(getDb(), 'excom');
    const { definition, expected } = worldDefinition(w);
    const report = await commitImport(w.ctx, w.actor, {
      bytes: await smallExtractBytes('parquet'),
      fileName: 'stays.parquet',
      kind: 'extract',
      definition: JSON.stringify(definition),
    });
    const stored = (await storedDataValues(w)).map((v) => ({
      orgUnit: v.orgUnit,
      period: v.period,
      dataElement: v.dataElement,
      value: v.value,
    }));
    expect(stored).toEqual(expected);
    const batch = await sql<{
      kind: string;
    }>`select kind from import_batch where id = ${report.batchId}`.execute(getDb().kysely);
    expect(batch.rows).toEqual([{ kind: 'extract' }]);
    await undoImport(w.ctx, w.actor, report.batchId ?? 0);
    expect(await storedDataValues(w)).toEqual([]);
  });

  it('refuses an extract without its definition', async () => {
    const w = await createImportWorld(getDb(), 'exnodef');
    const attempt = dryRunImport(w.ctx, w.actor, {
      bytes: await smallExtractBytes('utf-8'),
      fileName: 'x.csv',
      kind: 'extract',
    });
    await expect(attempt).rejects.toMatchObject({ problem: { code: 'extract.definition-needed' } });
  });

  let app: FastifyInstance | undefined;
  const logLines: string[] = [];
  beforeAll(() => {
    logLines.length = 0;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('no identifying value of the records reaches the database, the logs or the audit', async () => {
    const w = await createImportWorld(getDb(), 'exleak');
    const { definition } = worldDefinition(w);
    app = await buildApp(w.ctx, {
      routes: [importRoutes],
      logger: { level: 'trace', stream: { write: (line: string) => logLines.push(line) } },
    });
    const auth = (await signInAsAdmin(app, w.ctx)).headers;
    const response = await app.inject({
      method: 'POST',
      url: '/api/imports',
      ...multipart(
        { name: 'stays.csv.gz', bytes: await smallExtractBytes('gb18030-gzip') },
        { kind: 'extract', dryRun: 'false', definition: JSON.stringify(definition) },
      ),
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().committed).toBe(true);
    const database = await wholeDatabaseText(getDb());
    expect(database).toContain(w.units.icu); // the dump does hold what was written
    expect(logLines.length).toBeGreaterThan(0);
    const everywhere = `${database}\n${logLines.join('\n')}\n${response.body}`;
    expect(IDENTIFYING_VALUES.filter((value) => everywhere.includes(value))).toEqual([]);
  });
});
