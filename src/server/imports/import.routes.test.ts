import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { describeEachEngine } from '../../../test/engines.ts';
import { signInAsAdmin } from '../../../test/fixtures/accounts.ts';
import {
  createImportWorld,
  csv,
  type ImportWorld,
  storedDataValues,
} from '../../../test/fixtures/imports/world.ts';
import { readTable } from '../../ingest/index.ts';
import { buildApp } from '../app.ts';
import { createImportRoutes, importRoutes } from './import.routes.ts';

const BOUNDARY = '----healthbsc-test-boundary';

/** A multipart/form-data body with a `file` part and text fields (RFC 7578). */
function multipart(file: { name: string; bytes: Uint8Array }, fields: Record<string, string> = {}) {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
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

describeEachEngine('import routes', (getDb) => {
  let w: ImportWorld;
  let app: FastifyInstance;
  let auth: Readonly<Record<string, string>> = {};
  /** A request signed in as the test admin (session cookie and CSRF header). */
  const inject = (target: FastifyInstance, options: InjectOptions) =>
    target.inject({ ...options, headers: { ...auth, ...(options.headers ?? {}) } });

  beforeAll(async () => {
    w = await createImportWorld(getDb(), 'http');
    app = await buildApp(w.ctx, { routes: [importRoutes] });
    auth = (await signInAsAdmin(app, w.ctx)).headers;
  });
  afterAll(async () => {
    await app.close();
  });

  const longFile = (rows: readonly string[]) => csv(['org_unit,period,data_element,value', ...rows]);

  it('checks a multipart upload as a dry run by default and writes nothing', async () => {
    const response = await inject(app, {
      method: 'POST',
      url: '/api/imports',
      ...multipart(
        { name: 'march.csv', bytes: longFile([`${w.units.icu},2024-03,${w.elements.beds},20`]) },
        { kind: 'data' },
      ),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      fileName: 'march.csv',
      toCreate: 1,
      committed: false,
      batchId: null,
    });
    expect(await storedDataValues(w)).toEqual([]);
  });

  it('commits a multipart upload, lists it, shows its changes and undoes it once', async () => {
    const upload = multipart(
      {
        name: 'commit.csv',
        bytes: longFile([
          `${w.units.icu},2024-05,${w.elements.beds},20`,
          `${w.units.er},2024-05,${w.elements.beds},7`,
        ]),
      },
      { kind: 'data', dryRun: 'false' },
    );
    const committed = await inject(app, { method: 'POST', url: '/api/imports', ...upload });
    expect(committed.json()).toMatchObject({ committed: true, toCreate: 2 });
    const id: number = committed.json().batchId;
    const list = await inject(app, { method: 'GET', url: '/api/imports?limit=5' });
    expect(list.json().items[0]).toMatchObject({
      id,
      fileName: 'commit.csv',
      status: 'committed',
      created: 2,
    });
    const detail = await inject(app, { method: 'GET', url: `/api/imports/${id}?limit=1&offset=1` });
    expect(detail.json()).toMatchObject({
      id,
      changes: { total: 2, limit: 1, offset: 1, items: [{ seq: 2, oldValue: null }] },
    });
    const undo = await inject(app, {
      method: 'POST',
      url: `/api/imports/${id}/undo`,
      payload: { reason: 'test' },
    });
    expect(undo.json()).toMatchObject({ deleted: 2, restored: 0, batch: { status: 'undone' } });
    const again = await inject(app, { method: 'POST', url: `/api/imports/${id}/undo` });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.json()).toMatchObject({ type: 'conflict', status: 409 });
  });

  it('refuses a raw upload with bad rows with 400, the problem carrying the whole report', async () => {
    const before = await storedDataValues(w);
    const response = await inject(app, {
      method: 'POST',
      url: '/api/imports?dryRun=false&kind=data&fileName=bad.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        longFile([`${w.units.icu},2024-06,${w.elements.beds},x`, `NOPE,2024-06,${w.elements.beds},1`]),
      ),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      type: 'validation',
      code: 'import.file-has-errors',
      params: { count: 2 },
      detail: 'The file has 2 errors; nothing was written.',
      report: {
        fileName: 'bad.csv',
        errorCount: 2,
        errors: [
          { row: 2, code: 'non-numeric' },
          { row: 3, code: 'unknown-org-unit' },
        ],
      },
    });
    expect(await storedDataValues(w)).toEqual(before);
  });

  it('streams progress lines and then the report as ndjson', async () => {
    const rows = Array.from(
      { length: 1500 },
      (_v, i) =>
        `${w.units.er},${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${w.elements.occ},${i}`,
    );
    const response = await inject(app, {
      method: 'POST',
      url: '/api/imports?kind=data&dryRun=false&fileName=big.csv',
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
      payload: Buffer.from(longFile(rows)),
    });
    expect(response.headers['content-type']).toBe('application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const last = lines.at(-1);
    expect(last).toMatchObject({ report: { committed: true, toCreate: 1500 } });
    expect(
      lines
        .slice(0, -1)
        .map((l) => l.phase)
        .filter((p, i, all) => all[i - 1] !== p),
    ).toEqual(['reading', 'checking', 'writing']);
    expect(lines.at(-2)).toEqual({ phase: 'writing', done: 1500, total: 1500 });
  });

  it('downloads the template, and the filled template imports back', async () => {
    const template = await inject(app, {
      method: 'GET',
      url: `/api/templates/${w.scorecard}?format=csv&orgUnit=${w.units.icu}&from=2024-07&to=2024-08`,
    });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(template.headers['content-disposition']).toContain(`${w.scorecard}-template-2024-07_2024-08.csv`);
    const lines = template.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      `org_unit,period,${w.elements.beds},${w.elements.occ},${w.elements.pct}`,
      '#names,,Open beds / 开放床位,Occupied beds / 占用床位,Share / 比例',
      `${w.units.icu},2024-07,,,`,
      `${w.units.icu},2024-08,,,`,
    ]);
    const filled = [
      lines[0],
      lines[1],
      `${w.units.icu},2024-07,30,24,80%`,
      `${w.units.icu},2024-08,30,,`,
    ].join('\r\n');
    const response = await inject(app, {
      method: 'POST',
      url: '/api/imports',
      ...multipart({ name: 'filled.csv', bytes: new TextEncoder().encode(filled) }, { dryRun: 'false' }),
    });
    expect(response.json()).toMatchObject({ kind: 'data', committed: true, toCreate: 4 });
    const stored = (await storedDataValues(w)).filter(
      (v) => v.orgUnit === w.units.icu && (v.period === '2024-07' || v.period === '2024-08'),
    );
    expect(stored.map((v) => [v.period, v.dataElement, v.value])).toEqual([
      ['2024-07', w.elements.beds, 30],
      ['2024-08', w.elements.beds, 30],
      ['2024-07', w.elements.occ, 24],
      ['2024-07', w.elements.pct, 80],
    ]);
  });

  it('downloads an XLSX template whose org_unit and period columns read back as text', async () => {
    const response = await inject(app, {
      method: 'GET',
      url: `/api/templates/${w.scorecard}?format=xlsx&orgUnit=${w.units.er}&from=2024-01&to=2024-01`,
    });
    const table = await readTable(new Uint8Array(response.rawPayload));
    const rows = [];
    for await (const row of table.rows) rows.push(row.cells);
    expect(table.header).toEqual(['org_unit', 'period', w.elements.beds, w.elements.occ, w.elements.pct]);
    expect(rows.at(-1)).toEqual([w.units.er, '2024-01']);
  });

  it('exports data values in the long format that imports back unchanged', async () => {
    const response = await inject(app, {
      method: 'GET',
      url: `/api/exports/data-values?format=csv&orgUnit=${w.units.icu}&from=2024-07&to=2024-08`,
    });
    expect(
      response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual([
      'org_unit,period,data_element,value,comment',
      `${w.units.icu},2024-07,${w.elements.beds},30,`,
      `${w.units.icu},2024-08,${w.elements.beds},30,`,
      `${w.units.icu},2024-07,${w.elements.occ},24,`,
      `${w.units.icu},2024-07,${w.elements.pct},80,`,
    ]);
    const back = await inject(app, {
      method: 'POST',
      url: '/api/imports?kind=data',
      headers: { 'content-type': 'application/octet-stream' },
      payload: response.rawPayload,
    });
    expect(back.json()).toMatchObject({ unchanged: 4, toCreate: 0, toUpdate: 0 });
  });

  it('exports the scorecard file as YAML', async () => {
    const response = await inject(app, {
      method: 'GET',
      url: `/api/exports/scorecards/${w.scorecard}?format=yaml`,
    });
    expect(response.headers['content-type']).toBe('application/yaml; charset=utf-8');
    // The world's scorecard was imported as @1; every export is @2.
    expect(parseYaml(response.body)).toMatchObject({ format: 'healthbsc/scorecard@2', code: w.scorecard });
  });

  it('describes the import routes in the OpenAPI document', async () => {
    const response = await inject(app, { method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(
      Object.keys(response.json().paths)
        .filter((path) => /imports|templates|exports/.test(path))
        .sort(),
    ).toEqual([
      '/api/exports/data-values',
      '/api/exports/scorecards/{code}',
      '/api/imports',
      '/api/imports/{id}',
      '/api/imports/{id}/undo',
      '/api/profile-imports',
      '/api/profile-imports/inspect',
      '/api/profile-imports/preview',
      '/api/templates/{code}',
    ]);
  });

  it('refuses a file over the configured limit with 413', async () => {
    const small = await buildApp(w.ctx, { routes: [createImportRoutes({ maxFileBytes: 64 })] });
    try {
      const response = await inject(small, {
        method: 'POST',
        url: '/api/imports',
        ...multipart({
          name: 'big.csv',
          bytes: longFile(Array.from({ length: 20 }, () => `${w.units.icu},2024-03,${w.elements.beds},1`)),
        }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ type: 'too-large', status: 413 });
    } finally {
      await small.close();
    }
  });
});
