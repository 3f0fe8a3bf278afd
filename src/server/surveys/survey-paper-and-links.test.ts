/**
 * The paper questionnaire's round trip (export an expert's XLSX, fill it in, import it: the same weights as
 * answering through the link) and the expert link as a principal: scoped to its expert, expiring, revocable,
 * resumable and throttled. On PGlite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { TEST_NOW } from '../../../test/fixtures/server.ts';
import {
  answerNode,
  createAzSurvey,
  createSurveyWorld,
  linkOf,
  type SurveyWorld,
  seedAnswers,
  sendAnswer,
} from '../../../test/fixtures/survey-world.ts';
import type {
  ImportAnswersResult,
  Questionnaire,
  Survey,
  SurveyResults,
} from '../../core/contracts/surveys.ts';

/** Fills the matrix cells of every sheet with the values, as an expert would by hand (fractions as text). */
async function fillIn(bytes: Buffer, survey: Survey, values: Map<string, number[]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const meta = workbook.getWorksheet('_healthbsc');
  meta?.eachRow((row) => {
    if (row.getCell(1).value !== 'node') return;
    const node = survey.nodes.find((n) => n.key === row.getCell(2).value);
    const sheet = workbook.getWorksheet(String(row.getCell(3).value));
    const first = Number(row.getCell(4).value);
    node?.pairs.forEach(({ i, j }, k) => {
      const value = values.get(node.key)?.[k] ?? 1;
      const cell = sheet?.getRow(first + i).getCell(2 + j);
      if (cell) cell.value = value >= 1 ? value : `1/${Math.round(1 / value)}`;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describeEachEngine('survey paper questionnaires and links', (getDb) => {
  let w: SurveyWorld;
  let now = TEST_NOW;
  let survey: Survey;
  let seed: Map<string, number[]>;

  beforeAll(async () => {
    w = await createSurveyWorld(getDb(), { clock: () => now });
    survey = await createAzSurvey(w.server);
    seed = await seedAnswers(survey.nodes);
  });
  afterAll(() => w.server.close());

  const expert = (k: number) => survey.experts[k]?.id ?? 0;
  const download = (k: number, format: 'xlsx' | 'pdf') =>
    w.server.request('GET', `/api/surveys/${survey.id}/experts/${expert(k)}/questionnaire?format=${format}`);
  const importFile = (k: number, file: string, dryRun: boolean) =>
    w.server.request('POST', `/api/surveys/${survey.id}/experts/${expert(k)}/answers/import`, {
      file,
      dryRun,
    });

  describe('the paper round trip', () => {
    let dryRun: ImportAnswersResult;
    let written: ImportAnswersResult;
    let results: SurveyResults;

    beforeAll(async () => {
      const file = await fillIn((await download(0, 'xlsx')).rawPayload, survey, seed);
      dryRun = (await importFile(0, file, true)).json<ImportAnswersResult>();
      written = (await importFile(0, file, false)).json<ImportAnswersResult>();
      const token = (await linkOf(w.server, survey.id, expert(1))).token;
      for (const node of survey.nodes) await answerNode(w.server, token, node, seed.get(node.key) ?? []);
      results = (await w.server.request('GET', `/api/surveys/${survey.id}/results`)).json<SurveyResults>();
    });

    it('checks the filled-in file whole on a dry run and writes nothing', () => {
      expect([dryRun.errors, dryRun.written, dryRun.judgments]).toEqual([[], false, 97]);
    });

    it('writes the 97 judgments when asked', () => {
      expect([written.written, written.nodes.map((n) => n.answered)]).toEqual([
        true,
        [10, 15, 15, 36, 6, 15],
      ]);
    });

    it('gives the same weights as answering through the link: seed 002’s Table 4.1', () => {
      const paper = results.experts[0]?.nodes.map((n) => n.weights?.map((x) => x.toFixed(10)));
      const web = results.experts[1]?.nodes.map((n) => n.weights?.map((x) => x.toFixed(10)));
      expect([paper, paper?.[0]?.map((x) => Number(x).toFixed(4))]).toEqual([
        web,
        ['0.3764', '0.1403', '0.2430', '0.1224', '0.1179'],
      ]);
    });

    it('lists a cell that is not a judgment at its sheet and row, and writes nothing', async () => {
      const values = new Map(seed);
      values.set('perspectives', [Number.NaN, ...(seed.get('perspectives') ?? []).slice(1)]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        new Uint8Array(
          Buffer.from(await fillIn((await download(2, 'xlsx')).rawPayload, survey, values), 'base64'),
        ).buffer,
      );
      const sheet = workbook.worksheets[1];
      const meta = workbook.getWorksheet('_healthbsc');
      const first = Number(meta?.getRow(3).getCell(4).value);
      const cell = sheet?.getRow(first).getCell(3);
      if (cell) cell.value = 'a lot';
      const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const response = (await importFile(2, file, false)).json<ImportAnswersResult>();
      expect([response.written, response.errors.map((e) => [e.code, e.path])]).toEqual([
        false,
        [['survey.cell-not-judgment', [sheet?.name, first]]],
      ]);
    });

    it('prints the questionnaire as a PDF', async () => {
      const response = await download(0, 'pdf');
      expect([response.headers['content-type'], response.rawPayload.subarray(0, 5).toString()]).toEqual([
        'application/pdf',
        '%PDF-',
      ]);
    });
  });

  describe('an expert’s link', () => {
    it('reads only its own expert’s answers', async () => {
      const token = (await linkOf(w.server, survey.id, expert(2))).token;
      const q = (await w.server.requestAs(null, 'GET', `/api/survey-links/${token}`)).json<Questionnaire>();
      expect([q.expert.name, q.nodes[0]?.answered]).toEqual(['赵主任', 0]);
    });

    it('stops working when revoked, and a new link resumes with the answers kept', async () => {
      const old = (await linkOf(w.server, survey.id, expert(2))).token;
      await sendAnswer(w.server, old, { node: 'perspectives', i: 0, j: 1, value: 3 });
      await w.server.request('DELETE', `/api/surveys/${survey.id}/experts/${expert(2)}/link`);
      const refused = await w.server.requestAs(null, 'GET', `/api/survey-links/${old}`);
      const fresh = (await linkOf(w.server, survey.id, expert(2))).token;
      const q = (await w.server.requestAs(null, 'GET', `/api/survey-links/${fresh}`)).json<Questionnaire>();
      expect([refused.statusCode, refused.json().code, q.nodes[0]?.judgments[0]?.value]).toEqual([
        401,
        'survey.link-invalid',
        3,
      ]);
    });

    it('expires', async () => {
      const token = (await linkOf(w.server, survey.id, expert(2))).token;
      now = new Date(TEST_NOW.getTime() + 31 * 86_400_000);
      const response = await w.server.requestAs(null, 'GET', `/api/survey-links/${token}`);
      now = TEST_NOW;
      expect([response.statusCode, response.json().code]).toEqual([401, 'survey.link-expired']);
    });

    it('throttles an address that guesses tokens: the 21st guess is refused with 429', async () => {
      const statuses: number[] = [];
      for (let k = 0; k < 21; k++) {
        statuses.push(
          (await w.server.requestAs(null, 'GET', `/api/survey-links/hbss_guess${k}xxxxxxxxxxxx`)).statusCode,
        );
      }
      expect([statuses.filter((s) => s === 401).length, statuses[20]]).toEqual([20, 429]);
    });
  });
});
