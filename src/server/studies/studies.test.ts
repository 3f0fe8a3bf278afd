/**
 * Studies against the database, on both engines: a pooled group's figures (Σ numerators ÷ Σ denominators over
 * its members, tested as R's prop.test would), a qualitative indicator's raters' scores, a chosen test that does
 * not fit, and a saved study with its audit row.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createOrgTree } from '../../../test/fixtures/org-units.ts';
import { createScorecardFixture, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { StudyResult } from '../../core/contracts/studies.ts';
import { writeAssessments } from '../services/assessments.service.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { createOrgUnitGroup } from '../services/org-unit-groups.service.ts';

const BASELINE = ['2023-01', '2023-02', '2023-03'];
const FOLLOW_UP = ['2024-01', '2024-02', '2024-03'];

describeEachEngine('studies', (getDb) => {
  let server: TestServer;
  let scorecard: ScorecardFixture;
  let hospitals: readonly string[];
  let group: string;

  function study(overrides: Record<string, unknown> = {}) {
    return {
      format: 'healthbsc/study@1',
      code: uniqueCode('ST'),
      name: { en: 'Study', zh: '研究' },
      scorecard: scorecard.code,
      units: [{ group }],
      indicators: [scorecard.rate],
      baseline: { from: '2023-01', to: '2023-03' },
      followUp: { from: '2024-01', to: '2024-03' },
      ...overrides,
    };
  }

  async function evaluate(body: unknown): Promise<StudyResult> {
    const response = await server.request('POST', '/api/studies/evaluate', body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  beforeAll(async () => {
    server = await createTestServer(getDb());
    const tree = await createOrgTree(server.ctx, { hospitals: 2, departmentsPerHospital: 0 });
    hospitals = tree.hospitals;
    scorecard = await createScorecardFixture(server.ctx);
    group = uniqueCode('GRP');
    await createOrgUnitGroup(server.ctx, FIXTURE_ACTOR, {
      code: group,
      name: { en: 'Both' },
      members: [...hospitals],
    });
    // Per month: H1 10 of 100 → 20 of 100, H2 5 of 50 → 30 of 50. Pooled: 45 of 450 → 150 of 450.
    const monthly: [string, readonly string[], number, number][] = [
      [hospitals[0] ?? '', BASELINE, 10, 100],
      [hospitals[1] ?? '', BASELINE, 5, 50],
      [hospitals[0] ?? '', FOLLOW_UP, 20, 100],
      [hospitals[1] ?? '', FOLLOW_UP, 30, 50],
    ];
    await writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: monthly.flatMap(([orgUnit, months, num, den]) =>
        months.flatMap((period) => [
          { orgUnit, period, dataElement: scorecard.numerator, value: num },
          { orgUnit, period, dataElement: scorecard.denominator, value: den },
        ]),
      ),
    });
    const scores: [string, number[]][] = [
      ['2023', [60, 65, 70]],
      ['2024', [80, 85, 90]],
    ];
    await writeAssessments(server.ctx, FIXTURE_ACTOR, {
      assessments: scores.flatMap(([period, values]) =>
        values.map((score, i) => ({
          scorecard: scorecard.code,
          indicator: scorecard.rated,
          orgUnit: hospitals[0] ?? '',
          period,
          rater: `rater ${i + 1}`,
          score,
        })),
      ),
    });
  });
  afterAll(() => server.close());

  it('pools a group as Σ numerators ÷ Σ denominators over its members in each window', async () => {
    const [row] = (await evaluate(study())).rows;
    expect([row?.unit, row?.baseline, row?.followUp?.toFixed(4)]).toEqual([group, 10, '33.3333']);
  });

  it('tests the pooled counts 150/450 against 45/450 as R’s prop.test (correct = FALSE)', async () => {
    const [row] = (await evaluate(study())).rows;
    // R: prop.test(c(150, 45), c(450, 450), correct = FALSE): p = 1.967594203e-17, CI 0.1817067078 to 0.2849599589
    expect([row?.test, row?.p, row?.ci?.map((v) => v.toFixed(6))]).toEqual([
      'two-proportion',
      expect.closeTo(1.967594203e-17, 25),
      ['18.170671', '28.495996'],
    ]);
  });

  it('compares a qualitative indicator by its raters’ scores, Welch’s t test as R’s t.test', async () => {
    const [row] = (
      await evaluate(
        study({
          units: [{ orgUnit: hospitals[0] }],
          indicators: [scorecard.rated],
          baseline: '2023',
          followUp: '2024',
        }),
      )
    ).rows;
    // R: t.test(c(80, 85, 90), c(60, 65, 70)): p = 0.008049893101, CI 8.665210322 to 31.33478968
    expect([row?.baseline, row?.followUp, row?.test, row?.p?.toFixed(9)]).toEqual([
      65,
      85,
      'welch',
      '0.008049893',
    ]);
  });

  it('refuses a chosen test that does not fit the indicator’s kind', async () => {
    const response = await server.request(
      'POST',
      '/api/studies/evaluate',
      study({ indicators: [{ id: scorecard.rate, test: 'welch' }] }),
    );
    expect([response.statusCode, response.json().code]).toEqual([400, 'study.test-does-not-fit']);
  });

  it('saves a study, reads it back and writes its audit row', async () => {
    const body = study();
    const saved = await server.request('PUT', `/api/studies/${body.code}`, body);
    const read = await server.request('GET', `/api/studies/${body.code}`);
    const audit = await server.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity_key', '=', body.code)
      .execute();
    expect([saved.statusCode, read.json().file.units, audit]).toEqual([
      200,
      [{ group }],
      [{ action: 'create', entity: 'study' }],
    ]);
  });
});
