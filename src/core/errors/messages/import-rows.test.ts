/** Every row error code of the import report is worded, so the web can word a row error by its code alone. */
import { describe, expect, it } from 'vitest';
import { importErrorCodeSchema } from '../../contracts/import.ts';
import { isProblemCode, problemCodes, wordProblem } from './index.ts';

describe('import-row wording', () => {
  it('words every code of importErrorCodeSchema as import-row.<code>', () => {
    const unworded = importErrorCodeSchema.options.filter((code) => !isProblemCode(`import-row.${code}`));
    expect(unworded).toEqual([]);
  });

  it('words no import-row code that a row error cannot carry', () => {
    const rowCodes = problemCodes().filter((code) => code.startsWith('import-row.'));
    expect(rowCodes.map((code) => code.slice('import-row.'.length)).sort()).toEqual(
      [...importErrorCodeSchema.options].sort(),
    );
  });

  it('words a row error in Chinese with its parameters', () => {
    expect(wordProblem('import-row.duplicate-key', { firstRow: 2, key: 'ICU, 2024-03, beds' }, 'zh-CN')).toBe(
      '与第 2 行重复（ICU, 2024-03, beds）',
    );
  });
});
