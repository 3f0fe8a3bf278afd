/**
 * Data approval over HTTP (issue 4): submit → approve locks the data of the unit's subtree in the period on every
 * write path (409 naming the approval), evaluations say whether they rest on approved data, and a reopen is
 * audited with its reason.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { type AccessWorld, createAccessWorld, DATA_MONTH } from '../../test/fixtures/access-world.ts';
import { csv } from '../../test/fixtures/imports/world.ts';
import { FIXTURE_ACTOR, FIXTURE_APPROVER } from '../../test/fixtures/server.ts';
import { commitImport } from './imports/import.service.ts';
import { approveData, submitApproval } from './services/approvals.service.ts';

describeEachEngine('data approval', (getDb) => {
  let w: AccessWorld;
  beforeAll(async () => {
    w = await createAccessWorld(getDb());
  });
  afterAll(() => w.server.close());

  const key = (orgUnit: string, period: string) => ({ scorecard: w.scorecard.code, orgUnit, period });

  it('goes submitted → approved by the roles over the unit, and evaluations say they rest on it', async () => {
    const entry = w.session('entry');
    const approver = w.session('approver');
    const submitted = await w.server.requestAs(
      entry,
      'POST',
      '/api/approvals/submit',
      key(w.units.inside, '2024'),
    );
    const byEntry = await w.server.requestAs(
      entry,
      'POST',
      '/api/approvals/approve',
      key(w.units.inside, '2024'),
    );
    const approved = await w.server.requestAs(
      approver,
      'POST',
      '/api/approvals/approve',
      key(w.units.inside, '2024'),
    );
    const evaluation = (unit: string) =>
      w.server.requestAs(
        approver,
        'GET',
        `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${unit}&period=${DATA_MONTH}`,
      );
    expect({
      submitted: [submitted.statusCode, submitted.json().status, submitted.json().submittedBy],
      byEntry: [byEntry.statusCode, byEntry.json().code, byEntry.json().params, byEntry.json().detail],
      approved: [approved.statusCode, approved.json().status, approved.json().decidedBy],
      department: (await evaluation(w.units.inside)).json().approval,
      hospital: (await evaluation(w.units.scopeTop)).json().approval,
    }).toEqual({
      submitted: [200, 'submitted', entry.email],
      byEntry: [
        403,
        'access.needs-one-of-roles',
        { roles: 'admin', last: 'approver' },
        'This needs the role admin or approver.',
      ],
      approved: [200, 'approved', approver.email],
      department: {
        status: 'approved',
        orgUnit: w.units.inside,
        period: '2024',
        decidedBy: approver.email,
        decidedAt: expect.any(String),
      },
      hospital: { status: 'none', orgUnit: null, period: null, decidedBy: null, decidedAt: null },
    });
  });

  it('refuses every write to approved data with 409 naming the approval, through routes, imports and undo', async () => {
    const unit = w.units.outside;
    const admin = w.server;
    // An import committed before the approval, to be undone after it.
    const earlier = await commitImport(w.server.ctx, FIXTURE_ACTOR, {
      bytes: csv(['org_unit,period,data_element,value', `${unit},2024-05,${w.scorecard.numerator},9`]),
      fileName: 'may.csv',
      kind: 'data',
    });
    await submitApproval(w.server.ctx, FIXTURE_ACTOR, key(unit, '2024'));
    await approveData(w.server.ctx, FIXTURE_APPROVER, key(unit, '2024'));
    const dataValue = await admin.request('POST', '/api/data-values', {
      values: [{ orgUnit: unit, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 41 }],
    });
    const unchanged = await admin.request('POST', '/api/data-values', {
      values: [{ orgUnit: unit, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 40 }],
    });
    const reported = await admin.request('POST', '/api/reported-values', {
      values: [
        {
          scorecard: w.scorecard.code,
          indicator: w.scorecard.rate,
          orgUnit: unit,
          period: '2024Q2',
          value: 70,
        },
      ],
    });
    const assessment = await admin.request('POST', '/api/assessments', {
      assessments: [
        {
          scorecard: w.scorecard.code,
          indicator: w.scorecard.rated,
          orgUnit: unit,
          period: DATA_MONTH,
          rater: 'panel',
          score: 10,
        },
      ],
    });
    const imported = await admin.app.inject({
      method: 'POST',
      url: '/api/imports?kind=data&dryRun=false',
      payload: Buffer.from(
        csv(['org_unit,period,data_element,value', `${unit},2024-07,${w.scorecard.numerator},3`]),
      ),
      headers: { ...(await admin.adminSession()).headers, 'content-type': 'text/csv' },
    });
    const undo = await admin.request('POST', `/api/imports/${earlier.batchId}/undo`, {
      reason: 'wrong month',
    });
    const nextYear = await admin.request('POST', '/api/data-values', {
      values: [{ orgUnit: unit, dataElement: w.scorecard.numerator, period: '2025-01', value: 5 }],
    });
    const approval = {
      scorecard: w.scorecard.code,
      orgUnit: unit,
      period: '2024',
      status: 'approved',
      submittedBy: 'fixture',
      submittedAt: expect.any(String),
      decidedBy: 'fixture-approver',
      decidedAt: expect.any(String),
      reason: null,
      updatedAt: expect.any(String),
    };
    const locked = (response: { statusCode: number; json(): unknown }) => [
      response.statusCode,
      response.json(),
    ];
    const detail = `The data is approved: org unit ${unit}, period 2024, scorecard ${w.scorecard.code} (approved by fixture-approver). Reopen it before changing it; 1 change was refused and nothing was stored.`;
    const where = { orgUnit: unit, period: '2024', scorecard: w.scorecard.code, by: 'fixture-approver' };
    const body = (path: (string | number)[], label: string) => ({
      type: 'conflict',
      title: 'Conflict',
      status: 409,
      code: 'approval.locked-one',
      params: where,
      detail,
      issues: [
        {
          path,
          code: 'approval.locked-change',
          params: { change: label, ...where },
          message: `${label} is locked by the approval of org unit ${unit}, period 2024, scorecard ${w.scorecard.code} (approved by fixture-approver)`,
        },
      ],
      approval,
    });
    expect({
      dataValue: locked(dataValue),
      unchanged: [unchanged.statusCode, unchanged.json().unchanged],
      reported: locked(reported),
      assessment: locked(assessment),
      imported: locked(imported),
      undo: locked(undo),
      nextYear: nextYear.statusCode,
    }).toEqual({
      dataValue: [409, body(['values', 0], `${unit}/${w.scorecard.numerator}/${DATA_MONTH}`)],
      unchanged: [200, 1],
      reported: [409, body(['values', 0], `${w.scorecard.code}/${w.scorecard.rate}/${unit}/2024Q2`)],
      assessment: [
        409,
        body(['assessments', 0], `${w.scorecard.code}/${w.scorecard.rated}/${unit}/${DATA_MONTH}/panel`),
      ],
      imported: [409, body(['data_value', 0], `${unit}/${w.scorecard.numerator}/2024-07`)],
      undo: [409, body(['data_value', 0], `${unit}/${w.scorecard.numerator}/2024-05`)],
      nextYear: 200,
    });
  });

  it("locks the data of every unit under an approved hospital, and not the hospital's other periods", async () => {
    const hospital = w.units.scopeTop;
    const department = w.tree.departments[0]?.[1] ?? '';
    await submitApproval(w.server.ctx, FIXTURE_ACTOR, key(hospital, '2023Q4'));
    await approveData(w.server.ctx, FIXTURE_APPROVER, key(hospital, '2023Q4'));
    const write = (period: string) =>
      w.server.request('POST', '/api/data-values', {
        values: [{ orgUnit: department, dataElement: w.scorecard.denominator, period, value: 8 }],
      });
    expect([(await write('2023-11')).statusCode, (await write('2023-09')).statusCode]).toEqual([409, 200]);
  });

  it("submits and approves a month on its own: that month locks, the year's other months stay open", async () => {
    const unit = w.tree.departments[0]?.[1] ?? '';
    const entry = w.session('entry');
    const approver = w.session('approver');
    const submitted = await w.server.requestAs(entry, 'POST', '/api/approvals/submit', key(unit, '2020-06'));
    const approved = await w.server.requestAs(
      approver,
      'POST',
      '/api/approvals/approve',
      key(unit, '2020-06'),
    );
    const write = (period: string) =>
      w.server.request('POST', '/api/data-values', {
        values: [{ orgUnit: unit, dataElement: w.scorecard.numerator, period, value: 5 }],
      });
    const june = await write('2020-06');
    const july = await write('2020-07');
    const month = await w.server.requestAs(
      approver,
      'GET',
      `/api/approvals?scorecard=${w.scorecard.code}&orgUnit=${unit}&period=2020-06`,
    );
    const year = await w.server.requestAs(
      approver,
      'GET',
      `/api/approvals?scorecard=${w.scorecard.code}&orgUnit=${unit}&period=2020`,
    );
    expect({
      submitted: [submitted.statusCode, submitted.json().period, submitted.json().status],
      approved: [approved.statusCode, approved.json().period, approved.json().status],
      writes: [june.statusCode, june.json().approval?.period, july.statusCode],
      month: month.json().items.map((a: { period: string; status: string }) => [a.period, a.status]),
      year: year.json().items.length,
    }).toEqual({
      submitted: [200, '2020-06', 'submitted'],
      approved: [200, '2020-06', 'approved'],
      writes: [409, '2020-06', 200],
      month: [['2020-06', 'approved']],
      year: 0,
    });
  });

  it('reopens approved data with a reason, audited; the data can change again and evaluations say reopened', async () => {
    const unit = w.tree.departments[1]?.[1] ?? '';
    const approver = w.session('admin');
    await submitApproval(w.server.ctx, FIXTURE_ACTOR, key(unit, '2022'));
    await approveData(w.server.ctx, FIXTURE_APPROVER, key(unit, '2022'));
    const noReason = await w.server.requestAs(approver, 'POST', '/api/approvals/reopen', key(unit, '2022'));
    const reopened = await w.server.requestAs(approver, 'POST', '/api/approvals/reopen', {
      ...key(unit, '2022'),
      reason: 'The March discharge count was corrected by the ward.',
    });
    const write = await w.server.request('POST', '/api/data-values', {
      values: [{ orgUnit: unit, dataElement: w.scorecard.numerator, period: '2022-03', value: 12 }],
    });
    const evaluation = await w.server.request(
      'GET',
      `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${unit}&period=2022`,
    );
    const { rows } = await sql<{
      action: string;
      actor: string;
      reason: string | null;
      old: unknown;
      new: unknown;
    }>`
      select action, actor, reason, old_value as old, new_value as new from audit_log
      where entity = 'data_approval' and entity_key = ${`${w.scorecard.code}/${unit}/2022`} order by id
    `.execute(getDb().kysely);
    expect({
      noReason: [noReason.statusCode, noReason.json().issues],
      reopened: [reopened.statusCode, reopened.json().status, reopened.json().reason],
      write: write.statusCode,
      approval: evaluation.json().approval.status,
      audit: rows,
    }).toEqual({
      noReason: [400, [{ path: ['reason'], code: 'zod.required', params: {}, message: 'required' }]],
      reopened: [200, 'reopened', 'The March discharge count was corrected by the ward.'],
      write: 200,
      approval: 'reopened',
      audit: [
        { action: 'submit', actor: 'fixture', reason: null, old: null, new: { status: 'submitted' } },
        {
          action: 'approve',
          actor: 'fixture-approver',
          reason: null,
          old: { status: 'submitted' },
          new: { status: 'approved' },
        },
        {
          action: 'reopen',
          actor: approver.email,
          reason: 'The March discharge count was corrected by the ward.',
          old: { status: 'approved' },
          new: { status: 'reopened' },
        },
      ],
    });
  });

  it('answers a step that does not follow the workflow with 409', async () => {
    const unit = w.units.inside;
    const approve = await w.server.request('POST', '/api/approvals/approve', key(unit, '2021'));
    const reopen = await w.server.request('POST', '/api/approvals/reopen', {
      ...key(unit, '2021'),
      reason: 'x',
    });
    await w.server.request('POST', '/api/approvals/submit', key(unit, '2021'));
    const again = await w.server.request('POST', '/api/approvals/submit', key(unit, '2021'));
    const entityKey = `${w.scorecard.code}/${unit}/2021`;
    expect(
      [approve, reopen, again].map((response) => [response.json().code, response.json().params]),
    ).toEqual([
      ['approval.approve-not-submitted', { key: entityKey }],
      ['approval.reopen-not-submitted', { key: entityKey }],
      ['approval.submit-already-submitted', { key: entityKey }],
    ]);
    expect([approve.json().detail, reopen.json().detail, again.json().detail, again.statusCode]).toEqual([
      `Cannot approve ${w.scorecard.code}/${unit}/2021: only submitted data can be approved; it is not submitted.`,
      `Cannot reopen ${w.scorecard.code}/${unit}/2021: only submitted or approved data can be reopened; it is not submitted.`,
      `Cannot submit ${w.scorecard.code}/${unit}/2021: only data that is not submitted or approved can be submitted; it is submitted.`,
      409,
    ]);
  });
});
