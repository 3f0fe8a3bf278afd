/**
 * Bad input refused at the edge over HTTP (issue 11, part 3): each case's status, problem body, and that
 * nothing was written. Imports (a NUL byte in a cell, a 2,001-character comment, 1e308, a hidden sheet, a
 * malformed scorecard file) and the entry and target APIs (numbers past 1e15).
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { signInAsAdmin } from '../../test/fixtures/accounts.ts';
import {
  countRows,
  createImportWorld,
  csv,
  type ImportWorld,
  storedDataValues,
} from '../../test/fixtures/imports/world.ts';
import { buildApp } from './app.ts';
import { importRoutes } from './imports/import.routes.ts';

describeEachEngine('bad input at the edge', (getDb) => {
  let w: ImportWorld;
  let app: FastifyInstance;
  let auth: Readonly<Record<string, string>> = {};
  const inject = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...auth, ...(options.headers ?? {}) } });
  const upload = (query: string, bytes: Uint8Array) =>
    inject({
      method: 'POST',
      url: `/api/imports?${query}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(bytes),
    });

  beforeAll(async () => {
    w = await createImportWorld(getDb(), 'edge');
    app = await buildApp(w.ctx, { routes: [importRoutes] });
    auth = (await signInAsAdmin(app, w.ctx)).headers;
  });
  afterAll(() => app.close());

  const header = 'org_unit,period,data_element,value,comment';

  it('refuses an import with a NUL byte in a cell with 400 and writes nothing', async () => {
    const before = await countRows(getDb());
    const bytes = csv([header, `${w.units.icu},2024-06,${w.elements.beds},1\u00002,`]);
    const response = await upload('dryRun=false&kind=data&fileName=nul.csv', bytes);
    expect([response.statusCode, response.json().code, response.json().params]).toEqual([
      400,
      'guard.cell-control-character',
      { row: 2, column: 'value', char: 'U+0000' },
    ]);
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses an imported comment past 2,000 characters with 400 and writes nothing', async () => {
    const before = await countRows(getDb());
    const bytes = csv([header, `${w.units.icu},2024-06,${w.elements.beds},1,${'x'.repeat(2001)}`]);
    const response = await upload('dryRun=false&kind=data&fileName=long.csv', bytes);
    expect([response.statusCode, response.json().code, response.json().params]).toEqual([
      400,
      'guard.cell-too-long',
      { row: 2, column: 'comment', length: 2001, limit: 2000 },
    ]);
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses an imported value of 1e308 as out of range and writes nothing', async () => {
    const before = await storedDataValues(w);
    const bytes = csv([header, `${w.units.icu},2024-06,${w.elements.occ},1e308,`]);
    const response = await upload('dryRun=false&kind=data&fileName=huge.csv', bytes);
    expect(response.statusCode).toBe(400);
    expect(response.json().report.errors).toEqual([
      expect.objectContaining({
        row: 2,
        code: 'out-of-range',
        params: { of: 'value', min: -1e15, max: 1e15 },
      }),
    ]);
    expect(await storedDataValues(w)).toEqual(before);
  });

  it('reports the worksheet a dry run read', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('三月').addRow(['org_unit', 'period', 'data_element', 'value']);
    book.getWorksheet('三月')?.addRow([w.units.icu, '2024-06', w.elements.beds, 3]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const response = await upload('kind=data&fileName=march.xlsx', bytes);
    expect([response.statusCode, response.json().sheet, response.json().rowsRead]).toEqual([200, '三月', 1]);
  });

  it('refuses a workbook whose first sheet is hidden unless it is named, and writes nothing', async () => {
    const book = new ExcelJS.Workbook();
    const hidden = book.addWorksheet('Raw');
    hidden.state = 'hidden';
    hidden.addRow(['org_unit', 'period', 'data_element', 'value']);
    hidden.addRow([w.units.icu, '2024-07', w.elements.beds, 9]);
    book.addWorksheet('Shown').addRow(['org_unit', 'period', 'data_element', 'value']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const before = await countRows(getDb());
    const refused = await upload('dryRun=false&kind=data&fileName=hidden.xlsx', bytes);
    const named = await upload('kind=data&fileName=hidden.xlsx&sheet=Raw', bytes);
    expect([refused.statusCode, refused.json().code, refused.json().params]).toEqual([
      400,
      'guard.hidden-sheet',
      { sheet: 'Raw', visible: 'Shown' },
    ]);
    expect([named.statusCode, named.json().sheet, named.json().toCreate]).toEqual([200, 'Raw', 1]);
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses malformed YAML with 400 and the position', async () => {
    const bytes = new TextEncoder().encode('code: X\nperspectives: [a, b\nname: y\n');
    const response = await upload('kind=metadata&fileName=broken.yaml', bytes);
    expect([response.statusCode, response.json().code, response.json().params.line]).toEqual([
      400,
      'guard.malformed-yaml',
      3,
    ]);
  });

  it('refuses malformed JSON with 400 guard.malformed-json', async () => {
    const bytes = new TextEncoder().encode('{"code": "X",\n "perspectives": [}\n');
    const response = await upload('kind=metadata&fileName=broken.json', bytes);
    expect([response.statusCode, response.json().code]).toEqual([400, 'guard.malformed-json']);
  });

  it('refuses a data value of 1e16 sent to the API with 400 and writes nothing', async () => {
    const before = await storedDataValues(w);
    const response = await inject({
      method: 'POST',
      url: '/api/data-values',
      payload: {
        values: [{ orgUnit: w.units.icu, dataElement: w.elements.occ, period: '2024-06', value: 1e16 }],
      },
    });
    expect([response.statusCode, response.json().issues[0]]).toEqual([
      400,
      expect.objectContaining({ path: ['values', 0, 'value'], code: 'guard.implausible' }),
    ]);
    expect(await storedDataValues(w)).toEqual(before);
  });

  it('refuses a target of -1e300 with 400 and writes nothing', async () => {
    const before = await countRows(getDb());
    const response = await inject({
      method: 'PUT',
      url: '/api/targets',
      payload: {
        targets: [
          { scorecard: w.scorecard, indicator: 'x', orgUnit: w.units.icu, period: '2024', target: -1e300 },
        ],
      },
    });
    expect([response.statusCode, response.json().issues[0]?.code]).toEqual([400, 'guard.implausible']);
    expect(await countRows(getDb())).toEqual(before);
  });

  it('accepts a data value of exactly 1e15', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/data-values',
      payload: {
        values: [{ orgUnit: w.units.icu, dataElement: w.elements.occ, period: '2024-05', value: 1e15 }],
      },
    });
    expect([response.statusCode, response.json().items[0]?.value]).toEqual([200, 1e15]);
  });
});
