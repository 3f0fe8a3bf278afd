import { describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../contracts/evaluation.ts';
import { buildGroupReport } from './group-report.ts';
import { buildEvaluationReport, cellText, type EvaluationReportInput } from './report-model.ts';

type Indicator = EvaluationJson['perspectives'][number]['indicators'][number];

function indicator(id: string, fields: Partial<Indicator>): Indicator {
  return {
    id,
    name: { en: `Indicator ${id}`, zh: `指标${id}` },
    kind: 'quantitative',
    unit: null,
    decimals: 1,
    method: 'ratio',
    scored: true,
    weight: 0.5,
    globalWeight: 0.3,
    actual: 10,
    actualSource: 'formula',
    target: 10,
    reference: 10,
    quantified: 1,
    score: 50,
    status: 'met',
    ...fields,
  };
}

/** Two perspectives: F (0.6) scores 80 = 0.6 × 100 + 0.4 × 50; C (0.4) scores 100. V = 0.6 × 80 + 0.4 × 100 = 88. */
function evaluation(fields: Partial<EvaluationJson> = {}): EvaluationJson {
  return {
    scorecard: 'X',
    orgUnit: 'U',
    period: '2016',
    total: 88,
    rating: 'Good',
    ratingCode: 'good',
    ratingLabel: { en: 'Good', zh: '良好' },
    weightCoverage: 1,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: [
      {
        id: 'F',
        name: { en: 'Financial', zh: '财务' },
        weight: 0.6,
        score: 80,
        coverage: 1,
        indicators: [
          indicator('F1', { weight: 0.6, actual: 12, target: 10, quantified: 1, score: 60 }),
          indicator('F2', {
            weight: 0.4,
            actual: 5,
            target: 10,
            quantified: 0.5,
            score: 20,
            status: 'off-track',
          }),
        ],
      },
      {
        id: 'C',
        name: { en: 'Customer', zh: '客户' },
        weight: 0.4,
        score: 100,
        coverage: 1,
        indicators: [indicator('C1', { weight: 1, score: 100 })],
      },
    ],
    ...fields,
  };
}

function input(fields: Partial<EvaluationReportInput> = {}): EvaluationReportInput {
  return {
    lang: 'en',
    scorecard: { code: 'X', name: { en: 'Scheme', zh: '方案' } },
    orgUnit: { code: 'U', name: { en: 'Unit', zh: '单位' } },
    period: '2016',
    evaluation: evaluation(),
    publication: { id: 7, at: '2017-01-02 03:04 UTC', by: 'office', unapprovedPeriods: [] },
    previous: {
      period: '2015',
      evaluation: evaluation({
        perspectives: evaluation().perspectives.map((p) => ({
          ...p,
          indicators: p.indicators.map((i) => ({ ...i, actual: (i.actual ?? 0) - 2 })),
        })),
      }),
    },
    yearBefore: { period: '2015', evaluation: null },
    rank: { rank: 2, count: 5 },
    weightSets: [
      {
        perspective: null,
        items: [
          { id: 'F', name: { en: 'Financial' }, weight: 0.6 },
          { id: 'C', name: { en: 'Customer' }, weight: 0.4 },
        ],
        ahp: null,
      },
      {
        perspective: 'F',
        items: [
          { id: 'F1', name: { en: 'Indicator F1' }, weight: 0.6 },
          { id: 'F2', name: { en: 'Indicator F2' }, weight: 0.4 },
        ],
        ahp: { lambdaMax: 2, ci: 0, ri: 0, cr: 0, threshold: 0.1, consistent: true },
      },
    ],
    trend: [
      { period: '2015', total: 85 },
      { period: '2016', total: 88 },
    ],
    method: null,
    generatedAt: '2017-02-01 00:00 UTC',
    ...fields,
  };
}

describe('buildEvaluationReport', () => {
  it('sums up the perspective scores, their contributions and the composite', () => {
    const { scores } = buildEvaluationReport(input());
    expect([
      scores.rows.map((r) => r.map((c) => cellText(c, 'en'))),
      scores.footer?.map((c) => cellText(c, 'en')),
    ]).toEqual([
      [
        ['F Financial', '0.6000', '80.00', '48.00'],
        ['C Customer', '0.4000', '100.00', '40.00'],
      ],
      ['Composite V', '—', '88.00', 'Good'],
    ]);
  });

  it("lists each indicator's figures with the change from the previous period", () => {
    const [financial] = buildEvaluationReport(input()).perspectiveTables;
    expect(financial?.rows[1]?.map((c) => cellText(c, 'en'))).toEqual([
      'F2 Indicator F2',
      '5.0',
      '10.0',
      '10.0',
      '0.5000',
      '0.4000',
      '20.00',
      'off track',
      '2.0',
      '—',
    ]);
  });

  it('prints the AHP check under a weight set from a judgment matrix, and says so of weights set by hand', () => {
    const report = buildEvaluationReport(input());
    expect(report.weightTables.map((t) => t.notes)).toEqual([
      ['Weights set by hand.'],
      ['AHP: λmax = 2.0000, CI = 0.0000, RI = 0.00, CR = 0.0000 (consistent, CR < 0.1)'],
    ]);
  });

  it('lists the off-track indicator as needing attention, with no actions recorded yet', () => {
    const { attention } = buildEvaluationReport(input());
    expect([attention.rows.map((r) => r[0]), attention.notes]).toEqual([
      ['F2 Indicator F2'],
      ['No improvement actions are recorded for these indicators.'],
    ]);
  });

  it('shows the actions given for an indicator', () => {
    const { attention } = buildEvaluationReport(
      input({ actions: new Map([['F2', ['Renegotiate supplies']]]) }),
    );
    expect(attention.rows[0]?.[5]).toBe('Renegotiate supplies');
  });

  it('marks a report without a publication as a draft in its header, in Chinese', () => {
    const report = buildEvaluationReport(input({ publication: null, lang: 'zh-CN' }));
    expect([report.draft, report.header]).toEqual([true, '草稿——未发布 · 方案 · 单位 · 2016']);
  });

  it('words the rank among peers', () => {
    const { summary } = buildEvaluationReport(input({ lang: 'zh-CN' }));
    expect(summary.rows[2]).toEqual(['同级排名', '第 2 名 / 共 5 家']);
  });

  it('notes the periods published with unapproved data', () => {
    const report = buildEvaluationReport(
      input({ publication: { id: 7, at: 'x', by: 'y', unapprovedPeriods: ['2016'] } }),
    );
    expect(report.qualityNotes).toEqual(['Published with unapproved data for: 2016.']);
  });
});

describe('buildGroupReport', () => {
  const unit = (code: string, role: string | null, total: number, f: number, rank: number) => ({
    rank,
    orgUnit: code,
    name: { en: code },
    role,
    evaluation: evaluation({
      total,
      perspectives: evaluation().perspectives.map((p) => (p.id === 'F' ? { ...p, score: f } : p)),
    }),
  });
  const report = buildGroupReport({
    lang: 'en',
    scorecard: { code: 'X', name: { en: 'Scheme' } },
    orgUnit: { code: 'G', name: { en: 'Group' } },
    period: '2023',
    published: true,
    units: [
      unit('HEAD', 'head', 90, 85, 1),
      unit('B1', 'branch', 80, 70, 2),
      unit('B2', 'branch', 70, 60, 3),
    ],
    generatedAt: 'now',
  });

  it('ranks the units with their totals', () => {
    expect(report.ranking.rows.map((r) => r.slice(0, 3).map((c) => cellText(c, 'en')))).toEqual([
      ['1', 'HEAD HEAD', '90.00'],
      ['2', 'B1 B1', '80.00'],
      ['3', 'B2 B2', '70.00'],
    ]);
  });

  it('sets the head hospital against the mean of its branches', () => {
    expect(report.headVsBranches?.rows[0]?.map((c) => cellText(c, 'en'))).toEqual([
      'F Financial',
      '85.00',
      '65.00',
      '20.00',
    ]);
  });
});
