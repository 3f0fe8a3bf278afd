/**
 * `healthbsc report` end to end on a PGlite data directory holding seed 002's AZ Hospital with 2016 published
 * (the demo loader's AZ part): the PDF reproduces seed 002's Tables 4.1–4.7 (every weight, λmax and CR) and
 * Table 4.14 (each indicator's weighted score, the perspective scores and V = 92.57) in English and Chinese, the
 * workbook holds the same figures as numbers, and the first two pages look like the committed reference pictures
 * (pdftoppm, compared pixel by pixel).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPagePngs, pdfPages } from '../../../test/fixtures/pdf.ts';
import { pixelDifference } from '../../../test/fixtures/png-diff.ts';
import { FIXTURE_ACTOR } from '../../../test/fixtures/server.ts';
import { loadAzHospital } from '../../server/demo/load-demo.ts';
import { EvaluationEngine } from '../../server/evaluation/evaluation-engine.ts';
import { publish } from '../../server/publications/publications.service.ts';
import { withDbSession } from '../db-session.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { runReport } from './report.ts';

/** Seed 002 Table 4.14 as HealthBSC computes it (examples/az-hospital/README.md): weight and weighted score. */
const TABLE_4_14: readonly (readonly [string, string, string])[] = [
  ['F1', '0.3413', '34.13'],
  ['F2', '0.1714', '15.42'],
  ['F3', '0.2321', '18.56'],
  ['F4', '0.0611', '6.11'],
  ['F5', '0.1037', '10.37'],
  ['F6', '0.0904', '7.33'],
  ['C1', '0.3392', '32.23'],
  ['C2', '0.1368', '8.55'],
  ['C3', '0.1159', '7.73'],
  ['C4', '0.2237', '22.37'],
  ['C5', '0.0814', '7.60'],
  ['C6', '0.1029', '9.50'],
  ['I1', '0.0945', '10.29'],
  ['I2', '0.1072', '10.72'],
  ['I3', '0.1038', '10.38'],
  ['I4', '0.0559', '4.68'],
  ['I5', '0.0716', '7.16'],
  ['I6', '0.0792', '7.92'],
  ['I7', '0.2559', '23.99'],
  ['I8', '0.1324', '13.24'],
  ['I9', '0.0994', '9.94'],
  ['S1', '0.2260', '19.21'],
  ['S2', '0.1436', '12.21'],
  ['S3', '0.4588', '45.88'],
  ['S4', '0.1716', '14.87'],
  ['R1', '0.3077', '25.54'],
  ['R2', '0.1287', '11.84'],
  ['R3', '0.1898', '17.65'],
  ['R4', '0.0534', '5.08'],
  ['R5', '0.1060', '9.22'],
  ['R6', '0.2144', '19.29'],
];
/** Tables 4.1–4.6: λmax and CR. */
const CHECKS = [
  ['5.3373', '0.0753'],
  ['6.4142', '0.0658'],
  ['6.1843', '0.0293'],
  ['10.0302', '0.0882'],
  ['4.0458', '0.0172'],
  ['6.2582', '0.0410'],
] as const;
const PERSPECTIVES = [
  ['F', '0.3764', '91.93'],
  ['C', '0.1403', '87.97'],
  ['I', '0.2430', '98.33'],
  ['S', '0.1224', '92.17'],
  ['R', '0.1179', '88.62'],
] as const;

/** The committed pictures of the first two pages of the English report (50 dpi). */
const REFERENCE = new URL('./report-reference/', import.meta.url);
/** Share of pixels allowed to differ: the cover's times (generated, published) change from run to run. */
const PICTURE_THRESHOLD = 0.01;

let dir: string;
let env: Record<string, string>;

function io(lang: 'en' | 'zh-CN'): Io & { errors: string[] } {
  const errors: string[] = [];
  return { out: () => {}, err: (line) => errors.push(line), lang, errors };
}

async function report(lang: 'en' | 'zh-CN', format: 'pdf' | 'xlsx', extra: string[] = []): Promise<Buffer> {
  const out = join(dir, `az-${lang}-${extra.join('')}.${format}`);
  const args = [
    '--scorecard',
    'AZ-HOSPITAL',
    '--org-unit',
    'AZ',
    '--period',
    '2016',
    '--format',
    format,
    '--out',
    out,
    ...extra,
  ];
  const code = await runReport(args, io(lang), env);
  if (code !== 0) throw new Error(`healthbsc report exited ${code}`);
  return readFile(out);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hbsc-report-'));
  env = { HEALTHBSC_DATA_DIR: join(dir, 'data') };
  await withDbSession({ owner: 'report test', env }, async (s) => {
    await loadAzHospital(s.ctx);
    const engine = new EvaluationEngine(s.ctx.db, s.ctx.changes);
    await publish(s.ctx, engine, FIXTURE_ACTOR, {
      scorecard: 'AZ-HOSPITAL',
      orgUnit: 'AZ',
      period: '2016',
      unapprovedPeriods: ['2016'],
    });
  });
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(['en', 'zh-CN'] as const)('healthbsc report AZ-HOSPITAL AZ 2016 --lang %s', (lang) => {
  let text: string;
  beforeAll(async () => {
    text = (await pdfPages(await report(lang, 'pdf'))).join('\n');
  }, 60_000);

  it('reproduces Tables 4.1–4.6: every λmax and CR', () => {
    const missing = CHECKS.flatMap(([lambda, cr]) => [`λmax = ${lambda}`, `CR = ${cr}`]).filter(
      (s) => !text.includes(s),
    );
    expect(missing).toEqual([]);
  });

  it('reproduces Table 4.1: each perspective with its weight', () => {
    const lines = text.split('\n');
    const missing = PERSPECTIVES.filter(
      ([id, weight]) => !lines.some((l) => new RegExp(`\\b${id}\\s.*\\s${weight}\\s*$`).test(l)),
    );
    expect(missing).toEqual([]);
  });

  it('reproduces Tables 4.7 and 4.14: each indicator with its weight and weighted score in one row', () => {
    const lines = text.split('\n');
    const missing = TABLE_4_14.filter(
      ([id, weight, score]) =>
        !lines.some(
          (l) =>
            l.includes(`${id} `) && new RegExp(`\\s${weight}\\s+${score.replace('.', '\\.')}\\s`).test(l),
        ),
    );
    expect(missing).toEqual([]);
  });

  it('reproduces Table 4.14: the perspective scores and V = 92.57', () => {
    const lines = text.split('\n');
    const missing = PERSPECTIVES.filter(
      ([id, weight, score]) => !lines.some((l) => new RegExp(`\\b${id}\\s.*${weight}\\s+${score}`).test(l)),
    );
    expect([missing, /(Composite V|综合得分 V)\s+(—\s+)?92\.57/.test(text)]).toEqual([[], true]);
  });
});

describe('healthbsc report --format xlsx', () => {
  it('writes the perspective scores and V as numbers with two decimals', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await report('en', 'xlsx')).buffer);
    const summary = workbook.worksheets[0];
    const found: [number, string][] = [];
    summary?.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string' && /^[FCISR] /.test(label)) {
        const score = row.getCell(3);
        found.push([Number((score.value as number).toFixed(2)), score.numFmt]);
      }
      if (label === 'Composite V')
        found.push([Number((row.getCell(3).value as number).toFixed(2)), row.getCell(3).numFmt]);
    });
    expect(found).toEqual([...PERSPECTIVES.map(([, , s]) => [Number(s), '0.00']), [92.57, '0.00']]);
  });
});

describe('the first two pages', () => {
  it.each([1, 2])(
    'page %i looks like the reference picture',
    async (page) => {
      const [picture] = await pdfPagePngs(await report('en', 'pdf', []), page, page);
      const reference = new URL(`az-2016-en-page-${page}.png`, REFERENCE);
      if (process.env.HEALTHBSC_UPDATE_PICTURES === '1' || !existsSync(reference)) {
        // Writing the reference is a deliberate step (HEALTHBSC_UPDATE_PICTURES=1), done once and committed.
        if (process.env.HEALTHBSC_UPDATE_PICTURES !== '1')
          throw new Error(`no reference picture ${reference.pathname}`);
        await writeFile(reference, picture ?? Buffer.alloc(0));
      }
      expect(pixelDifference(picture ?? Buffer.alloc(0), await readFile(reference))).toBeLessThan(
        PICTURE_THRESHOLD,
      );
    },
    60_000,
  );
});

describe('healthbsc report refuses', () => {
  it('a missing --out', async () => {
    const run = runReport(
      ['--scorecard', 'AZ-HOSPITAL', '--org-unit', 'AZ', '--period', '2016'],
      io('en'),
      env,
    );
    await expect(run).rejects.toThrow(UsageError);
  });

  it('an unknown format', async () => {
    const args = [
      '--scorecard',
      'AZ-HOSPITAL',
      '--org-unit',
      'AZ',
      '--period',
      '2016',
      '--out',
      join(dir, 'x.doc'),
      '--format',
      'doc',
    ];
    await expect(runReport(args, io('en'), env)).rejects.toThrow("unknown format 'doc'");
  });
});
