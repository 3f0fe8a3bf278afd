/**
 * Where the data-quality report's findings go in the grid: a broken rule on the cell of every data element it
 * reads in its month, an outlier on its own cell. Periods that are not months (a yearly value) have no cell.
 */
import type { DataQualityReport } from '../../lib/api/data-quality.ts';
import { cellKey } from './grid-model.ts';

export type QualityMark =
  | { readonly kind: 'rule'; readonly violation: DataQualityReport['violations'][number] }
  | { readonly kind: 'outlier'; readonly outlier: DataQualityReport['outliers'][number] };

/**
 * The marks of each cell, by cell key (grid-model.ts `cellKey`), rules before outliers.
 *
 * @example cellMarks(report).get(cellKey('diabetics_standard_managed', '2024-02'))?.[0]?.kind // 'rule'
 */
export function cellMarks(report: DataQualityReport | undefined): Map<string, QualityMark[]> {
  const marks = new Map<string, QualityMark[]>();
  const add = (key: string, mark: QualityMark) => {
    const list = marks.get(key);
    if (list === undefined) marks.set(key, [mark]);
    else list.push(mark);
  };
  for (const violation of report?.violations ?? []) {
    for (const code of violation.dataElements)
      add(cellKey(code, violation.period), { kind: 'rule', violation });
  }
  for (const outlier of report?.outliers ?? []) {
    add(cellKey(outlier.dataElement, outlier.period), { kind: 'outlier', outlier });
  }
  return marks;
}
