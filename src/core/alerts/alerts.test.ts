import { describe, expect, it } from 'vitest';
import type { AlertInput, AlertRuleInput } from './alert-input.ts';
import { dueAtOf } from './deadlines.ts';
import { evaluateAlertConditions, reconcileAlerts } from './evaluate-alerts.ts';
import { isActionOverdue } from './rules/index.ts';

const NOW = new Date('2024-04-12T08:00:00Z');

function input(over: Partial<AlertInput> = {}): AlertInput {
  return {
    now: NOW,
    units: [
      { id: 1, code: 'GROUP', path: [1] },
      { id: 5, code: 'ICU', path: [1, 5] },
      { id: 6, code: 'ER', path: [1, 6] },
    ],
    cells: [],
    signals: [],
    forecasts: [],
    entries: [],
    violations: [],
    approvals: [],
    actions: [],
    ...over,
  };
}

function rule(over: Partial<AlertRuleInput> = {}): AlertRuleInput {
  return {
    id: 1,
    kind: 'off-target',
    severity: 'warning',
    orgUnitIds: [],
    indicators: [],
    includeWatch: false,
    ...over,
  };
}

describe('deadlines', () => {
  it('puts a month’s deadline at the end of day N of the next month, UTC', () => {
    expect(dueAtOf('2024-03', 10).toISOString()).toBe('2024-04-10T23:59:59.999Z');
  });
  it('rolls a December or fourth-quarter deadline into January of the next year', () => {
    expect([dueAtOf('2024-12', 5).toISOString(), dueAtOf('2024Q4', 15).toISOString()]).toEqual([
      '2025-01-05T23:59:59.999Z',
      '2025-01-15T23:59:59.999Z',
    ]);
  });
  it('puts a year’s deadline in January of the following year', () => {
    expect(dueAtOf('2024', 20).toISOString()).toBe('2025-01-20T23:59:59.999Z');
  });
});

describe('off target', () => {
  const cells = [
    { indicator: 'LOS', orgUnitId: 5, period: '2024-03', status: 'off-track', actual: 9.1, target: 8 },
    { indicator: 'OCC', orgUnitId: 5, period: '2024-03', status: 'watch', actual: 0.88, target: 0.85 },
    { indicator: 'MORT', orgUnitId: 6, period: '2024-03', status: 'met', actual: 0.01, target: 0.02 },
    { indicator: 'NPS', orgUnitId: 6, period: '2024-03', status: 'no-data', actual: null, target: 40 },
  ] as const;

  it('raises an off-track cell with its value and target, and nothing for watch, met or no data', () => {
    const found = evaluateAlertConditions([rule()], input({ cells }));
    expect(found).toEqual([
      {
        ruleId: 1,
        kind: 'off-target',
        severity: 'warning',
        indicator: 'LOS',
        orgUnitId: 5,
        period: '2024-03',
        actionId: null,
        code: 'off-target',
        params: { indicator: 'LOS', value: 9.1, target: 8 },
      },
    ]);
  });
  it('raises watch too when the rule says so', () => {
    const found = evaluateAlertConditions([rule({ includeWatch: true })], input({ cells }));
    expect(found.map((c) => [c.indicator, c.code])).toEqual([
      ['LOS', 'off-target'],
      ['OCC', 'watch'],
    ]);
  });
  it('keeps to the rule’s units (subtrees) and indicators', () => {
    const outside = evaluateAlertConditions([rule({ orgUnitIds: [6] })], input({ cells }));
    const otherIndicator = evaluateAlertConditions([rule({ indicators: ['OCC'] })], input({ cells }));
    expect([outside.length, otherIndicator.length]).toEqual([0, 0]);
  });
});

describe('data late', () => {
  const entries = [
    { orgUnitId: 5, period: '2024-03', dueAt: dueAtOf('2024-03', 10), submitted: false },
    { orgUnitId: 6, period: '2024-03', dueAt: dueAtOf('2024-03', 10), submitted: true },
  ];
  it('fires for the unit that has not submitted by the deadline', () => {
    const found = evaluateAlertConditions([rule({ kind: 'data-late' })], input({ entries }));
    expect(found.map((c) => [c.orgUnitId, c.period, c.indicator, c.params.dueAt])).toEqual([
      [5, '2024-03', '', '2024-04-10T23:59:59.999Z'],
    ]);
  });
  it('does not fire before the deadline has passed', () => {
    const early = input({ entries, now: new Date('2024-04-10T23:00:00Z') });
    expect(evaluateAlertConditions([rule({ kind: 'data-late' })], early)).toEqual([]);
  });
});

describe('the other rules', () => {
  it('raises an adverse control-chart signal with the signal’s rule', () => {
    const signals = [{ indicator: 'LOS', orgUnitId: 5, period: '2024-03', rule: 'nelson-1' }];
    const [found] = evaluateAlertConditions([rule({ kind: 'adverse-trend' })], input({ signals }));
    expect(found?.params).toEqual({ indicator: 'LOS', signal: 'nelson-1' });
  });
  it('raises a forecast that misses the year’s target, and not one that meets it', () => {
    const forecasts = [
      { indicator: 'LOS', orgUnitId: 5, period: '2024', forecast: 9, target: 8, misses: true },
      { indicator: 'OCC', orgUnitId: 5, period: '2024', forecast: 0.8, target: 0.85, misses: false },
    ];
    const found = evaluateAlertConditions([rule({ kind: 'forecast-miss' })], input({ forecasts }));
    expect(found.map((c) => c.indicator)).toEqual(['LOS']);
  });
  it('raises a data-quality violation per unit and period with its count', () => {
    const violations = [{ orgUnitId: 6, period: '2024-03', count: 3 }];
    const [found] = evaluateAlertConditions([rule({ kind: 'data-quality' })], input({ violations }));
    expect([found?.orgUnitId, found?.params.count]).toEqual([6, 3]);
  });
  it('raises a failed database pull per pull on its unit and period', () => {
    const pullFailures = [
      { orgUnitId: 5, pull: 'his-stays', period: '2024-03', problem: 'pull.auth-failed' },
    ];
    const [found] = evaluateAlertConditions([rule({ kind: 'pull-failed' })], input({ pullFailures }));
    expect([found?.indicator, found?.orgUnitId, found?.period, found?.params.problem]).toEqual([
      'pull:his-stays',
      5,
      '2024-03',
      'pull.auth-failed',
    ]);
  });
  it('leaves a failed pull of a unit outside the rule’s scope alone', () => {
    const pullFailures = [
      { orgUnitId: 6, pull: 'his-stays', period: '2024-03', problem: 'pull.query-failed' },
    ];
    const found = evaluateAlertConditions(
      [rule({ kind: 'pull-failed', orgUnitIds: [5] })],
      input({ pullFailures }),
    );
    expect(found).toEqual([]);
  });
  it('raises submitted data waiting for approval', () => {
    const approvals = [{ orgUnitId: 6, period: '2024-03', submittedAt: new Date('2024-04-09T10:00:00Z') }];
    const [found] = evaluateAlertConditions([rule({ kind: 'approval-waiting' })], input({ approvals }));
    expect([found?.code, found?.params.submittedAt]).toEqual([
      'approval-waiting',
      '2024-04-09T10:00:00.000Z',
    ]);
  });
});

describe('action overdue', () => {
  it('counts an open action as overdue only after the end of its due date', () => {
    const action = { status: 'in-progress', dueDate: '2024-04-11' };
    expect([
      isActionOverdue(action, new Date('2024-04-11T23:59:59Z')),
      isActionOverdue(action, new Date('2024-04-12T00:00:00Z')),
      isActionOverdue({ ...action, status: 'done' }, new Date('2024-05-01T00:00:00Z')),
    ]).toEqual([false, true, false]);
  });
  it('makes one alert per cell naming the earliest overdue action and how many there are', () => {
    const actions = [
      { id: 9, indicator: 'LOS', orgUnitId: 5, period: '2024-03', dueDate: '2024-04-05', status: 'planned' },
      {
        id: 4,
        indicator: 'LOS',
        orgUnitId: 5,
        period: '2024-03',
        dueDate: '2024-04-01',
        status: 'in-progress',
      },
      { id: 3, indicator: 'LOS', orgUnitId: 5, period: '2024-03', dueDate: '2024-05-01', status: 'planned' },
    ] as const;
    const found = evaluateAlertConditions([rule({ kind: 'action-overdue' })], input({ actions }));
    expect(found.map((c) => [c.actionId, c.params.count])).toEqual([[4, 2]]);
  });
});

describe('reconciling with the open alerts', () => {
  const condition = evaluateAlertConditions(
    [rule()],
    input({
      cells: [
        { indicator: 'LOS', orgUnitId: 5, period: '2024-03', status: 'off-track', actual: 9, target: 8 },
      ],
    }),
  );
  it('raises a condition with no open alert once, even when found twice', () => {
    expect(reconcileAlerts([], [...condition, ...condition]).raise).toHaveLength(1);
  });
  it('keeps an open alert whose condition still holds', () => {
    const open = [{ id: 7, ruleId: 1, indicator: 'LOS', orgUnitId: 5, period: '2024-03' }];
    const changes = reconcileAlerts(open, condition);
    expect([changes.raise.length, changes.keep.map((a) => a.id), changes.close.length]).toEqual([0, [7], 0]);
  });
  it('closes an open alert whose condition ended', () => {
    const open = [{ id: 7, ruleId: 1, indicator: 'LOS', orgUnitId: 5, period: '2024-03' }];
    expect(reconcileAlerts(open, []).close.map((a) => a.id)).toEqual([7]);
  });
});
