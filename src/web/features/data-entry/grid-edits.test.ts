import { describe, expect, it } from 'vitest';
import type { DataValue } from '../../../core/contracts/data-values.ts';
import type { CellRules } from './cell-validation.ts';
import {
  applyConflicts,
  buildBatch,
  commentCell,
  indexValues,
  keepMine,
  takeStored,
  typeIntoCell,
} from './grid-edits.ts';
import { cellKey } from './grid-model.ts';

function stored(dataElement: string, period: string, value: number, version: number): DataValue {
  return {
    orgUnit: 'UMG-B1-INTM',
    dataElement,
    period,
    value,
    comment: null,
    version,
    updatedBy: 'system:demo',
    updatedAt: '2026-11-23T06:00:00.000Z',
  };
}

const RULES: Record<string, CellRules> = {
  visits: { valueType: 'integer', min: null, max: null },
  revenue: { valueType: 'money', min: null, max: null },
};
const rulesOf = (code: string) => RULES[code];
const values = indexValues([stored('visits', '2024-01', 100, 2), stored('revenue', '2024-01', 5000, 1)]);
const VISITS_JAN = { dataElement: 'visits', month: '2024-01' };
const REVENUE_JAN = { dataElement: 'revenue', month: '2024-01' };

describe('typeIntoCell', () => {
  it('remembers the version first read, and drops the edit when the stored value is typed back', () => {
    const once = typeIntoCell(new Map(), values, VISITS_JAN, '12');
    const twice = typeIntoCell(once, values, VISITS_JAN, '120');
    expect(twice.get(cellKey('visits', '2024-01'))).toEqual({ ...VISITS_JAN, text: '120', version: 2 });
    expect(typeIntoCell(twice, values, VISITS_JAN, '100').size).toBe(0);
  });
});

describe('buildBatch', () => {
  it('sends only changed, valid cells with the version they were typed over, and lists the invalid ones', () => {
    let edits = typeIntoCell(new Map(), values, VISITS_JAN, '130');
    edits = typeIntoCell(edits, values, REVENUE_JAN, '-5');
    edits = typeIntoCell(edits, values, { dataElement: 'visits', month: '2024-02' }, '7');
    edits = typeIntoCell(edits, values, { dataElement: 'visits', month: '2024-03' }, 'abc');
    const batch = buildBatch('UMG-B1-INTM', edits, values, rulesOf);
    expect(batch.values).toEqual([
      { orgUnit: 'UMG-B1-INTM', dataElement: 'visits', period: '2024-01', value: 130, version: 2 },
      { orgUnit: 'UMG-B1-INTM', dataElement: 'visits', period: '2024-02', value: 7 },
    ]);
    expect(batch.keys).toEqual([cellKey('visits', '2024-01'), cellKey('visits', '2024-02')]);
    expect(batch.invalid).toEqual([cellKey('revenue', '2024-01'), cellKey('visits', '2024-03')]);
  });

  it('sends a comment change with the unchanged value, and refuses a comment on an empty cell', () => {
    let edits = commentCell(new Map(), values, REVENUE_JAN, 'audited');
    edits = commentCell(edits, values, { dataElement: 'visits', month: '2024-05' }, 'no data yet');
    const batch = buildBatch('UMG-B1-INTM', edits, values, rulesOf);
    expect(batch.values).toEqual([
      {
        orgUnit: 'UMG-B1-INTM',
        dataElement: 'revenue',
        period: '2024-01',
        value: 5000,
        comment: 'audited',
        version: 1,
      },
    ]);
    expect(batch.invalid).toEqual([cellKey('visits', '2024-05')]);
  });

  it('deletes a stored value whose cell was emptied', () => {
    const edits = typeIntoCell(new Map(), values, VISITS_JAN, '');
    expect(buildBatch('U', edits, values, rulesOf).values).toEqual([
      { orgUnit: 'U', dataElement: 'visits', period: '2024-01', value: null, version: 2 },
    ]);
  });
});

describe('conflicts', () => {
  const edits = typeIntoCell(typeIntoCell(new Map(), values, VISITS_JAN, '130'), values, REVENUE_JAN, '6000');
  const batch = buildBatch('U', edits, values, rulesOf);
  const current = {
    index: 1,
    value: 5500,
    note: 'fixed',
    version: 2,
    updatedBy: 'admin@demo.healthbsc',
    updatedAt: '2026-11-23T07:00:00.000Z',
  };

  it('maps a 409’s `current` back to its cell: mine next to what is stored now', () => {
    const conflicts = applyConflicts(batch, [current]);
    expect([...conflicts.entries()]).toEqual([
      [
        cellKey('revenue', '2024-01'),
        {
          mine: 6000,
          stored: {
            value: 5500,
            note: 'fixed',
            version: 2,
            updatedBy: 'admin@demo.healthbsc',
            updatedAt: '2026-11-23T07:00:00.000Z',
          },
        },
      ],
    ]);
  });

  it('keeping mine resends over the stored version; taking theirs drops the edit', () => {
    const key = cellKey('revenue', '2024-01');
    const conflict = applyConflicts(batch, [current]).get(key);
    if (conflict === undefined) throw new Error('no conflict');
    const kept = keepMine(edits, key, conflict);
    expect(buildBatch('U', kept, values, rulesOf).values[1]).toEqual({
      orgUnit: 'U',
      dataElement: 'revenue',
      period: '2024-01',
      value: 6000,
      version: 2,
    });
    const taken = takeStored(edits, key);
    expect([...taken.keys()]).toEqual([cellKey('visits', '2024-01')]);
  });
});
