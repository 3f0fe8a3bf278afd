/**
 * The named columns of the import formats and the header texts accepted for each (README.md "Column
 * names"). Matching ignores case and surrounding spaces; inside a name, spaces and hyphens count as `_`.
 */

export const COLUMN_NAMES = [
  'org_unit',
  'period',
  'data_element',
  'value',
  'comment',
  'indicator',
  'target',
  'reference',
  'lower',
  'upper',
  'source',
  'rater',
  'score',
  'evidence',
  'scorecard',
  'code',
  'parent',
  'type',
  'name_en',
  'name_zh',
  'role',
  'sort_order',
] as const;

export type ColumnName = (typeof COLUMN_NAMES)[number];

/** The English name first; then the Chinese headers HIS exports and Chinese users write. */
export const COLUMN_ALIASES: Readonly<Record<ColumnName, readonly string[]>> = {
  org_unit: ['org_unit', '机构', '机构编码'],
  period: ['period', '期间', '统计期'],
  data_element: ['data_element', '数据元', '指标数据项'],
  value: ['value', '值', '数值'],
  comment: ['comment', '备注'],
  indicator: ['indicator', '指标', '指标编码'],
  target: ['target', '目标值'],
  reference: ['reference', '参考值'],
  lower: ['lower', '下限'],
  upper: ['upper', '上限'],
  source: ['source', '来源'],
  rater: ['rater', '评价人'],
  score: ['score', '评分'],
  evidence: ['evidence', '依据'],
  scorecard: ['scorecard', '计分卡', '记分卡'],
  code: ['code', '编码'],
  parent: ['parent', '上级', '上级编码'],
  type: ['type', '类型'],
  name_en: ['name_en', 'name', '英文名称'],
  name_zh: ['name_zh', '名称', '中文名称'],
  role: ['role', '角色'],
  sort_order: ['sort_order', '排序'],
};

/** Marks the optional second header row of the wide template, which holds names, not data. */
export const NAMES_ROW_MARKERS: readonly string[] = ['#names', '#名称'];

/** Lower-cased, trimmed, with runs of spaces and hyphens as one `_`: `' Org Unit '` → `'org_unit'`. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const BY_ALIAS = new Map<string, ColumnName>();
for (const name of COLUMN_NAMES) {
  for (const alias of COLUMN_ALIASES[name]) BY_ALIAS.set(normalizeHeader(alias), name);
}

/**
 * The column a header cell names, or null when it names none of them.
 *
 * @example columnNameOf(' Org Unit ') // 'org_unit'
 * @example columnNameOf('统计期') // 'period'
 */
export function columnNameOf(header: string): ColumnName | null {
  return BY_ALIAS.get(normalizeHeader(header)) ?? null;
}
