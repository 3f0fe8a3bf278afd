/**
 * The columns of the pivot: the months, quarters or years around the header's period. A month or quarter
 * chosen in the header stands for its year; years go back five from the chosen one.
 */
export const PIVOT_GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type PivotGranularity = (typeof PIVOT_GRANULARITIES)[number];

/** How many years the year columns go back (the chosen year included). */
const YEARS_SHOWN = 5;

/**
 * The first and last column for a header period and a column type.
 *
 * @example pivotRange('2024-03', 'month') // { from: '2024-01', to: '2024-12' }
 * @example pivotRange('2024', 'quarter') // { from: '2024Q1', to: '2024Q4' }
 * @example pivotRange('2024Q2', 'year') // { from: '2020', to: '2024' }
 */
export function pivotRange(period: string, granularity: PivotGranularity): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  if (granularity === 'month') return { from: `${year}-01`, to: `${year}-12` };
  if (granularity === 'quarter') return { from: `${year}Q1`, to: `${year}Q4` };
  return { from: String(year - YEARS_SHOWN + 1), to: String(year) };
}

/**
 * A row's label: a unit under another one than the parent of the table names its parent, so that a department
 * in a flattened subtree is told apart from another hospital's ("外科 · 东城分院").
 *
 * @example unitLabel('Surgery', 'East branch', true) // 'Surgery · East branch'
 * @example unitLabel('East branch', 'Group', false) // 'East branch'
 */
export function unitLabel(name: string, parentName: string | null, nameParent: boolean): string {
  return nameParent && parentName !== null ? `${name} · ${parentName}` : name;
}
