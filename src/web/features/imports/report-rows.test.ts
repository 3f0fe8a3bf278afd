import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ImportBatch, ImportReportBody } from '../../../core/contracts/import.ts';
import { createI18n } from '../../lib/i18n/i18n.ts';
import {
  canUndo,
  clearedTotal,
  commitState,
  errorReason,
  errorRows,
  noticeRows,
  reportCounts,
} from './report-rows.ts';

function report(overrides: Partial<ImportReportBody> = {}): ImportReportBody {
  return {
    kind: 'data',
    format: 'csv',
    encoding: 'utf-8',
    encodingReason: {
      code: 'encoding.ascii-only',
      params: {},
      message: 'only ASCII bytes (the same in every supported encoding)',
    },
    fileName: 'values.csv',
    checksum: 'c0dde8',
    rowsRead: 3,
    toCreate: 1,
    toUpdate: 2,
    unchanged: 0,
    errors: [],
    errorCount: 0,
    errorsNotListed: 0,
    ignoredColumns: [],
    clears: [],
    notices: [],
    committed: false,
    batchId: null,
    sameAsBatchId: null,
    ...overrides,
  };
}

describe('reportCounts', () => {
  it('lists the counts in a fixed order with the report’s own numbers', () => {
    expect(reportCounts(report({ unchanged: 4, errorCount: 0 }))).toEqual([
      { key: 'rowsRead', value: 3 },
      { key: 'toCreate', value: 1 },
      { key: 'toUpdate', value: 2 },
      { key: 'unchanged', value: 4 },
      { key: 'errorCount', value: 0 },
    ]);
  });
});

describe('errorRows', () => {
  it('sorts the errors by row and column, each with a unique key', () => {
    const rows = errorRows(
      report({
        errors: [
          {
            row: 3,
            column: 'value',
            value: 'abc',
            code: 'non-numeric',
            params: { value: 'abc' },
            reason: 'x',
          },
          {
            row: 2,
            column: 'value',
            value: '',
            code: 'missing-value',
            params: { column: 'value' },
            reason: 'y',
          },
          {
            row: 2,
            column: 'data_element',
            value: 'nope',
            code: 'unknown-data-element',
            params: { value: 'nope' },
            reason: 'z',
          },
        ],
        errorCount: 3,
      }),
    );
    expect(rows.map((row) => [row.row, row.column, row.code])).toEqual([
      [2, 'data_element', 'unknown-data-element'],
      [2, 'value', 'missing-value'],
      [3, 'value', 'non-numeric'],
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);
  });
});

describe('noticeRows', () => {
  it('keeps the server’s order and gives a notice repeated word for word its own key', () => {
    const converted = {
      code: 'scorecard.converted',
      params: { from: 'healthbsc/scorecard@1', to: 'healthbsc/scorecard@2' },
      message: 'Converted from healthbsc/scorecard@1 to healthbsc/scorecard@2.',
    };
    const rows = noticeRows(report({ notices: [converted, converted] }));
    expect(rows.map((row) => row.code)).toEqual(['scorecard.converted', 'scorecard.converted']);
    expect(new Set(rows.map((row) => row.key)).size).toBe(2);
  });
});

describe('commitState', () => {
  it.each([
    [{ errorCount: 1 }, 'blocked'],
    [{ errorCount: 2, toCreate: 5 }, 'blocked'],
    [{ toCreate: 0, toUpdate: 0, unchanged: 3 }, 'unchanged'],
    [{ toCreate: 0, toUpdate: 1 }, 'ready'],
    [{ toCreate: 1, toUpdate: 0 }, 'ready'],
  ] as const)('%o → %s', (overrides, expected) => {
    expect(commitState(report(overrides))).toBe(expected);
  });
});

describe('canUndo', () => {
  const batch = { status: 'committed' } as const;
  it('allows undoing a committed import, not an undone one', () => {
    expect(canUndo(batch as unknown as ImportBatch)).toBe(true);
    expect(canUndo({ status: 'undone' } as unknown as ImportBatch)).toBe(false);
  });
});

describe('errorReason', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;

  it('words a row error by its code and parameters under problems.import-row', () => {
    const error = {
      code: 'non-numeric',
      params: { value: 'abc' },
      reason: 'non-numeric: "abc" is not a plain number (write 1234.5; a % sign only where the unit is %)',
    } as const;
    expect(errorReason(zh, error)).toBe('非数字：“abc”不是有效的数字（请写成 1234.5；仅单位为 % 时可带 %）');
  });

  it('words the scorecard file’s own problem an invalid-definition error carries, not its English detail', () => {
    const error = {
      code: 'invalid-definition',
      params: {
        problem: 'import.org-unit-cycle',
        code: 'W1',
        parent: 'W2',
        detail: 'W1 is its own ancestor through W2',
      },
      reason: 'W1 is its own ancestor through W2',
    } as const;
    expect([errorReason(zh, error), errorReason(en, error)]).toEqual([
      '定义有误：W1 经由 W2 成为了自己的上级',
      'W1 is its own ancestor through W2',
    ]);
  });

  it('keeps the English detail of a nested problem whose code the catalog lacks (a newer server)', () => {
    const error = {
      code: 'invalid-definition',
      params: { problem: 'scorecard.from-the-future', detail: 'a newer rule' },
      reason: 'a newer rule',
    } as const;
    expect(errorReason(zh, error)).toBe('定义有误：a newer rule');
  });

  it('shows the server’s reason for a code no catalog words', () => {
    const bare = i18next.createInstance();
    void bare.init({ lng: 'zh-CN', resources: {}, initAsync: false });
    const error = { code: 'non-numeric', params: { value: 'abc' }, reason: "'abc' is not a number" } as const;
    expect(errorReason(bare.t, error)).toBe("'abc' is not a number");
  });
});

describe('clearedTotal', () => {
  it('adds what every column clears, and is 0 when nothing is cleared', () => {
    expect(clearedTotal(report())).toBe(0);
    expect(
      clearedTotal(
        report({
          clears: [
            { column: 'comment', count: 2 },
            { column: 'source', count: 1 },
          ],
        }),
      ),
    ).toBe(3);
  });
});
