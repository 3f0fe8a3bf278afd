/**
 * The data-quality gate over HTTP on PGlite and PostgreSQL (issue 10 §4, "Must show"): a value breaking a rule is
 * flagged in the data-quality report and refused on entry without a comment; outliers against the unit's own
 * history (modified z, or the absolute bound where the MAD is 0) and against its peers (rates only); approval
 * with an open violation needs the acknowledgement, audited; a submitter approving their own data gets 403.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { signInAsNewUser } from '../../../test/fixtures/accounts.ts';
import { auditOf } from '../../../test/fixtures/observe.ts';
import { createQualityWorld, type QualityWorld } from '../../../test/fixtures/quality-world.ts';
import { FIXTURE_ACTOR } from '../../../test/fixtures/server.ts';
import type { DataQualityReport } from '../../core/contracts/data-quality.ts';
import { writeDataValues } from '../services/data-values.service.ts';

/** The rules an import overrode, as its audit row names them. */
function overriddenRules(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'overriddenRules' in value
    ? value.overriddenRules
    : undefined;
}

describeEachEngine('data-quality gate', (getDb) => {
  let w: QualityWorld;
  beforeAll(async () => {
    w = await createQualityWorld(getDb());
  });
  afterAll(() => w.server.close());

  const hospital = (h: number) => w.hospitals[h] ?? '';
  const report = async (orgUnit: string, period: string) => {
    const response = await w.server.request('GET', `/api/data-quality?orgUnit=${orgUnit}&period=${period}`);
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<DataQualityReport>();
  };
  /** 900,000 diabetics managed out of 4,129 registered (the AZ case), saved with a comment. */
  const enterAzCase = (orgUnit: string, period: string) =>
    writeDataValues(w.server.ctx, FIXTURE_ACTOR, {
      values: [
        { orgUnit, period, dataElement: w.el.registered, value: 4_129 },
        { orgUnit, period, dataElement: w.el.managed, value: 900_000, comment: 'as reported by the clinic' },
      ],
    });

  it('lists a broken rule in the report of the unit and period, with both sides', async () => {
    await enterAzCase(hospital(0), '2024-02');
    expect((await report(hospital(0), '2024-02')).violations).toEqual([
      {
        scorecard: w.scorecard,
        rule: 'managed-within-registered',
        importance: 'high',
        orgUnit: hospital(0),
        period: '2024-02',
        left: 900_000,
        operator: '<=',
        right: 4_129,
        message: { en: 'More diabetics managed than registered', zh: '规范管理的糖尿病患者多于登记患者' },
        dataElements: [w.el.managed, w.el.registered],
      },
    ]);
  });

  it("covers a year's months in the report of the year", async () => {
    const year = await report(hospital(0), '2024');
    expect(year.violations.map((v) => [v.period, v.rule])).toEqual([
      ['2024-02', 'managed-within-registered'],
    ]);
  });

  it('refuses to save a value that breaks a rule without a comment, and stores nothing', async () => {
    const orgUnit = hospital(1);
    const response = await w.server.request('POST', '/api/data-values', {
      values: [
        { orgUnit, period: '2024-03', dataElement: w.el.registered, value: 4_129 },
        { orgUnit, period: '2024-03', dataElement: w.el.managed, value: 900_000 },
      ],
    });
    const stored = await w.server.request('GET', `/api/data-values?orgUnit=${orgUnit}&period=2024-03`);
    expect([response.statusCode, response.json().code, response.json().issues, stored.json().total]).toEqual([
      400,
      'data-quality.comments-required',
      [
        {
          path: ['values', 1, 'comment'],
          code: 'data-quality.comment-required',
          params: { rule: 'managed-within-registered', left: 900_000, operator: '<=', right: 4_129 },
          message:
            "this value breaks rule 'managed-within-registered' (900000 <= 4129 does not hold): say why in a comment to save it",
        },
      ],
      0,
    ]);
  });

  it('saves a value that breaks a rule with a comment', async () => {
    const orgUnit = hospital(1);
    const response = await w.server.request('POST', '/api/data-values', {
      values: [
        { orgUnit, period: '2024-04', dataElement: w.el.registered, value: 4_129 },
        {
          orgUnit,
          period: '2024-04',
          dataElement: w.el.managed,
          value: 900_000,
          comment: 'checked with the clinic',
        },
      ],
    });
    expect(response.statusCode).toBe(200);
  });

  it('flags a visit count 10× its usual size against the unit’s own 12 months (modified z 607.05)', async () => {
    const orgUnit = hospital(0);
    await writeDataValues(w.server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit, period: '2024-01', dataElement: w.el.visits, value: 1_000 }],
    });
    const outliers = (await report(orgUnit, '2024-01')).outliers.filter((o) => o.dataElement === w.el.visits);
    expect(outliers.map((o) => ({ ...o, score: o.score?.toFixed(2) }))).toEqual([
      {
        dataElement: w.el.visits,
        orgUnit,
        period: '2024-01',
        against: 'history',
        method: 'modified-z',
        value: 1_000,
        median: 100,
        mad: 1,
        score: '607.05',
        limit: 3.5,
        count: 12,
        per: null,
      },
    ]);
  });

  it('falls back to an absolute bound where the MAD is 0 (40 beds every month, then 61), and says so', async () => {
    const orgUnit = hospital(2);
    await writeDataValues(w.server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit, period: '2024-01', dataElement: w.el.beds, value: 61 }],
    });
    const outliers = (await report(orgUnit, '2024-01')).outliers;
    expect(
      outliers.map((o) => [o.dataElement, o.against, o.method, o.median, o.mad, o.score, o.limit]),
    ).toEqual([[w.el.beds, 'history', 'absolute-bound', 40, 0, null, 20]]);
  });

  it('compares a rate with the sibling units’ (median 49.5, MAD 1), never a raw count', async () => {
    const period = '2024-05';
    await writeDataValues(w.server.ctx, FIXTURE_ACTOR, {
      values: w.hospitals.flatMap((orgUnit, h) => [
        { orgUnit, period, dataElement: w.el.control, value: h === 3 ? 95 : 48 + h },
        { orgUnit, period, dataElement: w.el.visits, value: h === 3 ? 100 : 1_000 + h },
      ]),
    });
    const peers = (await report(hospital(3), period)).outliers.filter((o) => o.against === 'peers');
    expect(peers.map((o) => [o.dataElement, o.value, o.median, o.mad, o.score?.toFixed(2), o.count])).toEqual(
      [[w.el.control, 95, 49.5, 1, (0.6745 * 45.5).toFixed(2), 4]],
    );
  });

  /** Uploads a data file of the AZ case for a unit and month through POST /api/imports. */
  const importAzCase = async (orgUnit: string, period: string, query: string) =>
    w.server.app.inject({
      method: 'POST',
      url: `/api/imports?kind=data&fileName=az.csv&${query}`,
      headers: { ...(await w.server.adminSession()).headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        [
          'org_unit,period,data_element,value',
          `${orgUnit},${period},${w.el.registered},4129`,
          `${orgUnit},${period},${w.el.visits},100`,
          `${orgUnit},${period},${w.el.managed},900000`,
        ].join('\r\n'),
      ),
    });

  it('lists every violation in the dry-run report with its rows and rule', async () => {
    const response = await importAzCase(hospital(1), '2024-07', 'dryRun=true');
    expect(response.json().violations).toEqual([
      {
        scorecard: w.scorecard,
        rule: 'managed-within-registered',
        importance: 'high',
        orgUnit: hospital(1),
        period: '2024-07',
        left: 900_000,
        operator: '<=',
        right: 4_129,
        message: { en: 'More diabetics managed than registered', zh: '规范管理的糖尿病患者多于登记患者' },
        dataElements: [w.el.managed, w.el.registered],
        rows: [2, 4],
      },
    ]);
  });

  it('blocks the commit of a file breaking a rule of importance high, and writes nothing', async () => {
    const response = await importAzCase(hospital(1), '2024-08', 'dryRun=false');
    const stored = await w.server.request('GET', `/api/data-values?orgUnit=${hospital(1)}&period=2024-08`);
    expect([response.statusCode, response.json().code, response.json().issues, stored.json().total]).toEqual([
      400,
      'data-quality.high-violations',
      [
        {
          path: [2, 'managed-within-registered'],
          code: 'data-quality.rule-broken',
          params: {
            rule: 'managed-within-registered',
            importance: 'high',
            orgUnit: hospital(1),
            period: '2024-08',
            left: 900_000,
            operator: '<=',
            right: 4_129,
          },
          message: `rule 'managed-within-registered' (high) does not hold for ${hospital(1)} in 2024-08: 900000 <= 4129`,
        },
      ],
      0,
    ]);
  });

  it('commits it when overridden with a reason, which the audit keeps', async () => {
    const reason = 'The clinic counts every visit of a managed patient; corrected next month.';
    const response = await importAzCase(
      hospital(1),
      '2024-09',
      `dryRun=false&overrideReason=${encodeURIComponent(reason)}`,
    );
    const batchId = String(response.json().batchId);
    const audit = await auditOf(w.server, 'import_batch', batchId);
    expect([
      response.statusCode,
      response.json().toCreate,
      audit.map((entry) => [entry.reason, overriddenRules(entry.newValue)]),
    ]).toEqual([200, 3, [[reason, `managed-within-registered ${hospital(1)} 2024-09 (rows 2, 4)`]]]);
  });

  it('gives 403 to a submitter who approves their own submission (four eyes)', async () => {
    const key = { scorecard: w.scorecard, orgUnit: hospital(4), period: '2023' };
    await w.server.request('POST', '/api/approvals/submit', key);
    const own = await w.server.request('POST', '/api/approvals/approve', key);
    expect([own.statusCode, own.json().code, own.json().params]).toEqual([
      403,
      'approval.own-submission',
      { key: `${w.scorecard}/${hospital(4)}/2023` },
    ]);
  });

  it('approves data with an open violation only with the acknowledgement, which is audited', async () => {
    const orgUnit = hospital(2);
    await enterAzCase(orgUnit, '2024-06');
    const key = { scorecard: w.scorecard, orgUnit, period: '2024' };
    await w.server.request('POST', '/api/approvals/submit', key);
    const approver = await signInAsNewUser(w.server.app, w.server.ctx, [
      { role: 'approver', orgUnit: w.group },
    ]);
    const refused = await w.server.requestAs(approver, 'POST', '/api/approvals/approve', key);
    const approved = await w.server.requestAs(approver, 'POST', '/api/approvals/approve', {
      ...key,
      acknowledgeViolations: true,
    });
    const audit = await auditOf(w.server, 'data_approval', `${w.scorecard}/${orgUnit}/2024`);
    expect({
      refused: [
        refused.statusCode,
        refused.json().code,
        refused.json().params,
        refused.json().violations.length,
      ],
      approved: [approved.statusCode, approved.json().status],
      audit: audit.map((entry) => [entry.action, entry.actor, entry.newValue]),
    }).toEqual({
      refused: [409, 'data-quality.open-violations', { key: `${w.scorecard}/${orgUnit}/2024`, count: 1 }, 1],
      approved: [200, 'approved'],
      audit: [
        ['submit', expect.any(String), { status: 'submitted' }],
        [
          'approve',
          approver.email,
          {
            status: 'approved',
            acknowledgedViolations: [
              {
                rule: 'managed-within-registered',
                orgUnit,
                period: '2024-06',
                left: 900_000,
                operator: '<=',
                right: 4_129,
              },
            ],
          },
        ],
      ],
    });
  });
});
