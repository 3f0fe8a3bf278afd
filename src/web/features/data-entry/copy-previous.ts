/**
 * Copy previous period (issue 17, as DHIS2 and spreadsheet users expect): the empty cells of the chosen period
 * take the values stored for the period before, as edits the user checks and then saves. A cell that holds
 * anything (a stored value or something typed) is never overwritten; a copied cell is marked as copied until
 * it is saved or typed over.
 *
 * Which cells: a row's columns that lie inside the chosen period (a month: that month; a quarter: its months,
 * or the quarter for an element reported per quarter; a year: every column of the row). Each takes the value
 * of the same column one chosen period earlier (March ← February for a month; 2024-05 ← 2023-05 for a year).
 */
import {
  MONTHS_PER_PERIOD,
  previousPeriod,
  shiftPeriod,
  tryParsePeriod,
} from '../../../core/periods/index.ts';
import { cellText } from './cell-validation.ts';
import { type CellEdit, type Edits, type StoredValues, typeIntoCell } from './grid-edits.ts';
import { cellKey } from './grid-model.ts';
import type { PasteRow } from './grid-paste.ts';

/** One cell to fill and the period whose value it takes. */
export interface CopyCell {
  readonly dataElement: string;
  readonly month: string;
  readonly from: string;
}

/**
 * The cells of the chosen period, row by row, each with its source one chosen period earlier. A column coarser
 * than the chosen period (a year column when a month is chosen) is not inside it and is left out.
 *
 * @example copyPlan([{ dataElement: 'visits', columns: ['2024-02', '2024-03'] }], '2024-03')
 * // [{ dataElement: 'visits', month: '2024-03', from: '2024-02' }]
 * @example copyPlan([{ dataElement: 'beds', columns: ['2024Q1', '2024Q2'] }], '2024')
 * // [{ dataElement: 'beds', month: '2024Q1', from: '2023Q1' }, { dataElement: 'beds', month: '2024Q2', from: '2023Q2' }]
 */
export function copyPlan(rows: readonly PasteRow[], chosen: string): CopyCell[] {
  const period = tryParsePeriod(chosen);
  if (period === null) return [];
  const plan: CopyCell[] = [];
  for (const row of rows) {
    for (const column of row.columns) {
      const cell = tryParsePeriod(column);
      if (cell === null || cell.startDate < period.startDate || cell.endDate > period.endDate) continue;
      // A column of its own type steps back by as many of its periods as the chosen period holds.
      const steps = MONTHS_PER_PERIOD[period.type] / MONTHS_PER_PERIOD[cell.type];
      plan.push({ dataElement: row.dataElement, month: column, from: shiftPeriod(column, -steps) });
    }
  }
  return plan;
}

/**
 * The period whose values a copy reads (every source of `copyPlan` lies inside it), or null for an id that is
 * not a period.
 *
 * @example sourcePeriod('2024-03') // '2024-02'
 * @example sourcePeriod('2024') // '2023'
 */
export function sourcePeriod(chosen: string): string | null {
  return tryParsePeriod(chosen) === null ? null : previousPeriod(chosen);
}

export interface CopyResult {
  readonly edits: Edits;
  /** Cells filled. */
  readonly copied: number;
  /** Cells left as they were because they hold a value or something typed. */
  readonly kept: number;
}

/**
 * The edits after copying: each empty cell of the plan whose source has a stored value takes it, marked with
 * the period it came from; cells that hold anything, and cells whose source is empty, stay as they are.
 *
 * @example fillFromPrevious(new Map(), stored, plan, previous).copied // 3
 */
export function fillFromPrevious(
  edits: Edits,
  stored: StoredValues,
  plan: readonly CopyCell[],
  previous: StoredValues,
): CopyResult {
  let next: Edits = edits;
  let copied = 0;
  let kept = 0;
  for (const cell of plan) {
    const key = cellKey(cell.dataElement, cell.month);
    const shown = edits.get(key)?.text ?? cellText(stored.get(key)?.value);
    const source = previous.get(cellKey(cell.dataElement, cell.from))?.value;
    if (source === null || source === undefined) continue;
    if (shown.trim() !== '') {
      kept += 1;
      continue;
    }
    const at = { dataElement: cell.dataElement, month: cell.month };
    const typed = typeIntoCell(next, stored, at, cellText(source));
    const edit = typed.get(key);
    if (edit !== undefined) typed.set(key, { ...edit, copiedFrom: cell.from } satisfies CellEdit);
    next = typed;
    copied += 1;
  }
  return { edits: next, copied, kept };
}
