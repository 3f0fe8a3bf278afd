import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ImportBatch, ImportReportBody } from '../../../core/contracts/import.ts';
import { createI18n } from '../../lib/i18n/i18n.ts';
import { canUndo, commitState, errorReason, errorRows, reportCounts } from './report-rows.ts';

function report(overrides: Partial<ImportReportBody> = {}): ImportReportBody {
  return {
    kind: 'data',
    format: 'csv',
    encoding: 'utf-8',
    encodingReason: 'only ASCII bytes',
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
          { row: 3, column: 'value', value: 'abc', code: 'non-numeric', reason: 'not a number' },
          { row: 2, column: 'value', value: '', code: 'missing-value', reason: 'missing' },
          { row: 2, column: 'data_element', value: 'nope', code: 'unknown-data-element', reason: 'unknown' },
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
  /** The app's i18n in Chinese, with the wording of one row code as core's `import-row` catalog gives it. */
  function chinese() {
    const i18n = createI18n('zh-CN');
    i18n.addResourceBundle(
      'zh-CN',
      'translation',
      { problems: { 'import-row': { 'non-numeric': '“{{value}}”不是数字' } } },
      true,
      true,
    );
    return i18n.t;
  }

  it('words a row error by its code and parameters under problems.import-row', () => {
    const error = { code: 'non-numeric', params: { value: 'abc' }, reason: "'abc' is not a number" } as const;
    expect(errorReason(chinese(), error)).toBe('“abc”不是数字');
  });

  it('shows the server’s reason for a code no catalog words', () => {
    const bare = i18next.createInstance();
    void bare.init({ lng: 'zh-CN', resources: {}, initAsync: false });
    const error = { code: 'non-numeric', reason: "'abc' is not a number" } as const;
    expect(errorReason(bare.t, error)).toBe("'abc' is not a number");
  });
});
