/**
 * Evaluation reports of seed 002's AZ Hospital over HTTP on PGlite and PostgreSQL (issue 15, "Must show"): the
 * PDF's text (pdftotext) and the workbook's cells hold the perspective scores 91.93, 87.97, 98.33, 92.17, 88.62,
 * V = 92.57 and the weights, λmax and CR of Tables 4.1–4.6, in English and Chinese; an unpublished period is a
 * draft on every page; access and bad requests are refused with their problems.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { TEST_ADMIN } from '../../../test/fixtures/accounts.ts';
import { pdfPages } from '../../../test/fixtures/pdf.ts';
import { createSurveyWorld, type SurveyWorld } from '../../../test/fixtures/survey-world.ts';
import { insertAction } from '../../db/repositories/action.repository.ts';
import { findOrgUnitByCode } from '../../db/repositories/org-unit.repository.ts';
import { findScorecardByCode } from '../../db/repositories/scorecard.repository.ts';
import { findUserByEmail } from '../../db/repositories/user.repository.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { reportRoutes } from './reports.routes.ts';

/** Seed 002, Tables 4.1–4.6: each set's weights in order, λmax and CR (src/core/ahp/seed-002.test.ts). */
const TABLES = [
  { key: 'perspectives', weights: [0.3764, 0.1403, 0.243, 0.1224, 0.1179], lambdaMax: 5.3373, cr: 0.0753 },
  { key: 'F', weights: [0.3413, 0.1714, 0.2321, 0.0611, 0.1037, 0.0904], lambdaMax: 6.4142, cr: 0.0658 },
  { key: 'C', weights: [0.3392, 0.1368, 0.1159, 0.2237, 0.0814, 0.1029], lambdaMax: 6.1843, cr: 0.0293 },
  {
    key: 'I',
    weights: [0.0945, 0.1072, 0.1038, 0.0559, 0.0716, 0.0792, 0.2559, 0.1324, 0.0994],
    lambdaMax: 10.0302,
    cr: 0.0882,
  },
  { key: 'S', weights: [0.226, 0.1436, 0.4588, 0.1716], lambdaMax: 4.0458, cr: 0.0172 },
  { key: 'R', weights: [0.3077, 0.1287, 0.1898, 0.0534, 0.106, 0.2144], lambdaMax: 6.2582, cr: 0.041 },
] as const;
const SCORES = ['91.93', '87.97', '98.33', '92.17', '88.62'];

const LANGS = [
  { lang: 'en', total: 'Composite score V', draft: 'DRAFT' },
  { lang: 'zh-CN', total: '综合得分 V', draft: '草稿' },
] as const;

describeEachEngine('evaluation reports', (getDb) => {
  let w: SurveyWorld;

  beforeAll(async () => {
    w = await createSurveyWorld(getDb(), {
      routesFor: (ctx) => [reportRoutes(new EvaluationEngine(ctx.db, ctx.changes))],
    });
  });
  afterAll(() => w.server.close());

  const get = (query: Record<string, string>) =>
    w.server.request(
      'GET',
      `/api/reports/evaluation?${new URLSearchParams({ scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016', ...query })}`,
    );
  const bytes = (response: LightMyRequestResponse) => response.rawPayload;

  describe.each(LANGS)('the PDF in $lang', ({ lang, total }) => {
    let pages: string[];
    let response: LightMyRequestResponse;
    beforeAll(async () => {
      response = await get({ format: 'pdf', lang });
      pages = await pdfPages(bytes(response));
    });

    it('is a PDF file with a filename', () => {
      expect([
        response.statusCode,
        response.headers['content-type'],
        response.headers['content-disposition'],
      ]).toEqual([
        200,
        'application/pdf',
        `attachment; filename="evaluation-AZ-HOSPITAL-AZ-2016-${lang}.pdf"`,
      ]);
    });

    it('prints the five perspective scores and V = 92.57', () => {
      const text = pages.join('\n');
      expect([...SCORES, '92.57'].filter((figure) => !text.includes(figure))).toEqual([]);
      expect(text).toMatch(new RegExp(`${total}\\s+92\\.57`));
    });

    it.each(TABLES)('prints the weights, λmax and CR of the $key table', ({ weights, lambdaMax, cr }) => {
      const text = pages.join('\n');
      const missing = [
        ...weights.map((x) => x.toFixed(4)),
        `λmax = ${lambdaMax.toFixed(4)}`,
        `CR = ${cr.toFixed(4)}`,
      ];
      expect(missing.filter((figure) => !text.includes(figure))).toEqual([]);
    });

    it('is not marked as a draft: 2016 is published', () => {
      expect(pages.filter((page) => page.includes('DRAFT') || page.includes('草稿'))).toEqual([]);
    });
  });

  describe.each(LANGS)('the workbook in $lang', ({ lang }) => {
    let workbook: ExcelJS.Workbook;
    beforeAll(async () => {
      const response = await get({ format: 'xlsx', lang });
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(bytes(response)).buffer);
    });

    /** Every numeric cell of the workbook with its number format, rounded as displayed. */
    function shownNumbers(): string[] {
      const shown: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value !== 'number') return;
            const decimals = (cell.numFmt?.split('.')[1] ?? '').replace('%', '').length;
            shown.push(cell.value.toFixed(decimals));
          }),
        ),
      );
      return shown;
    }

    it('has one sheet per perspective besides the summary, weights, attention and notes', () => {
      expect(workbook.worksheets.length).toBe(5 + 4);
    });

    it('holds the perspective scores and V as numbers formatted to 2 dp', () => {
      const shown = shownNumbers();
      expect([...SCORES, '92.57'].filter((figure) => !shown.includes(figure))).toEqual([]);
    });

    it('holds every weight of Tables 4.1–4.6 as a number formatted to 4 dp', () => {
      const shown = shownNumbers();
      const weights = TABLES.flatMap((t) => t.weights.map((x) => x.toFixed(4)));
      expect(weights.filter((figure) => !shown.includes(figure))).toEqual([]);
    });

    it('notes λmax and CR under each weight table', () => {
      const notes: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => {
          const value = row.getCell(1).value;
          if (typeof value === 'string' && value.includes('λmax')) notes.push(value);
        }),
      );
      expect(notes.map((note) => note.match(/CR = (\d\.\d{4})/)?.[1])).toEqual(
        TABLES.map((t) => t.cr.toFixed(4)),
      );
    });
  });

  it.each(LANGS)('marks every page of an unpublished period as a draft ($lang)', async ({ lang, draft }) => {
    const pages = await pdfPages(bytes(await get({ format: 'pdf', lang, period: '2017' })));
    expect(pages.filter((page) => !page.includes(draft))).toEqual([]);
  });

  it('refuses a reader of another unit with 403', async () => {
    await w.server.request('POST', '/api/org-units', {
      code: 'OTHER',
      name: { en: 'Other' },
      type: 'hospital',
    });
    const outsider = await w.server.sessionWith([{ role: 'viewer', orgUnit: 'OTHER' }]);
    const response = await w.server.requestAs(
      outsider,
      'GET',
      '/api/reports/evaluation?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
    );
    expect(response.statusCode).toBe(403);
  });

  it('refuses an unknown format with 400', async () => {
    const response = await get({ format: 'docx' });
    expect(response.statusCode).toBe(400);
  });

  it('answers 404 for an unknown scorecard', async () => {
    const response = await get({ scorecard: 'NOPE' });
    expect([response.statusCode, response.json().code]).toEqual([404, 'reference.scorecard-not-found']);
  });
  describe('the indicators needing attention', () => {
    /** The attention sheet's rows: indicator (code and name) and action. */
    async function attentionRows(): Promise<[string, string][]> {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(bytes(await get({ format: 'xlsx', lang: 'en' }))).buffer);
      const sheet = workbook.worksheets.find((s) => s.name === 'Indicators needing attention'.slice(0, 28));
      const rows: [string, string][] = [];
      sheet?.eachRow((row) => {
        const indicator = row.getCell(1).value;
        if (typeof indicator === 'string' && /^[A-Z]\d/.test(indicator))
          rows.push([indicator, String(row.getCell(6).value ?? '')]);
      });
      return rows;
    }

    it('shows the action plans of an indicator needing attention with their status and due date', async () => {
      const [first] = await attentionRows();
      const indicator = first?.[0].split(' ')[0] ?? '';
      expect(indicator).not.toBe('');
      await w.server.ctx.db.kysely.transaction().execute(async (trx) => {
        const unit = await findOrgUnitByCode(trx, 'AZ');
        const scorecard = await findScorecardByCode(trx, 'AZ-HOSPITAL');
        const owner = await findUserByEmail(trx, TEST_ADMIN.email);
        await insertAction(trx, {
          rootId: unit?.rootId ?? 0,
          title: 'Renegotiate the supply contracts',
          description: null,
          scorecardId: scorecard?.id ?? 0,
          indicator,
          orgUnitId: unit?.id ?? 0,
          periodId: '2016',
          ownerId: owner?.id ?? 0,
          dueDate: '2017-03-31',
          origin: 'cell',
          alertId: null,
          objective: null,
          valueAtOpening: null,
          createdBy: 'test',
          at: w.server.ctx.now(),
        });
      });
      const after = await attentionRows();
      expect(after.find(([name]) => name.startsWith(`${indicator} `))?.[1]).toBe(
        'Renegotiate the supply contracts (planned, due 2017-03-31)',
      );
    });
  });
});
