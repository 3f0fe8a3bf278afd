/**
 * Statistics (core/stats and `healthbsc stats`): inputs a test cannot take. Values are quoted so the user can
 * find them in the file.
 */
import { defineMessages } from './define-messages.ts';

export const statsMessages = defineMessages('stats', {
  'input-invalid': {
    en: 'The statistics input is not valid.',
    'zh-CN': '统计检验输入无效。',
  },
  'trials-not-positive': {
    en: 'n = {{value}} must be a positive whole number of trials',
    'zh-CN': 'n = {{value}} 无效，试验数须为正整数',
  },
  'count-out-of-range': {
    en: 'x = {{value}} must be a whole number from 0 to n = {{n}}',
    'zh-CN': 'x = {{value}} 无效，须为 0 至 n = {{n}} 之间的整数',
  },
  'level-out-of-range': {
    en: 'level = {{value}} must lie strictly between 0 and 1, such as 0.95',
    'zh-CN': 'level = {{value}} 无效，置信水平须大于 0 且小于 1，例如 0.95',
  },
  'events-not-count': {
    en: 'x = {{value}} must be a whole number of events, 0 or more',
    'zh-CN': 'x = {{value}} 无效，事件数须为非负整数',
  },
  'exposure-not-positive': {
    en: 't = {{value}} must be a positive exposure (person-time, patient-days …)',
    'zh-CN': 't = {{value}} 无效，暴露量（人时、住院日等）须为正数',
  },
  'no-events': {
    en: 'There are no events in either group, so the rates cannot be compared.',
    'zh-CN': '两组均无事件，无法比较率。',
  },
  'proportions-degenerate': {
    en: 'Both groups have the same proportion {{value}} (all or none), so the χ² statistic is undefined.',
    'zh-CN': '两组比例同为 {{value}}（全部或全无），χ² 统计量无定义。',
  },
  'table-too-small': {
    en: 'The table is {{rows}} × {{cols}}; it needs at least 2 rows and 2 columns',
    'zh-CN': '列联表为 {{rows}} × {{cols}}，至少需要 2 行 2 列',
  },
  'table-ragged': {
    en: 'Row {{row}} of the table has {{length}} cells but the first row has {{cols}}',
    'zh-CN': '列联表第 {{row}} 行有 {{length}} 个单元格，而第一行有 {{cols}} 个',
  },
  'cell-negative': {
    en: 'Table cell {{value}} must be a count, 0 or more',
    'zh-CN': '列联表单元格 {{value}} 无效，须为非负计数',
  },
  'cell-not-count': {
    en: 'Table cell {{value}} must be a whole number, 0 or more',
    'zh-CN': '列联表单元格 {{value}} 无效，须为非负整数',
  },
  'table-empty-margin': {
    en: 'A row or column of the table sums to 0, so its expected counts are 0.',
    'zh-CN': '列联表有一行或一列合计为 0，其期望频数为 0。',
  },
  'too-few-values': {
    en: 'There are {{count}} values; the test needs at least {{needed}}',
    'zh-CN': '仅有 {{count}} 个数值，该检验至少需要 {{needed}} 个',
  },
  'data-constant': {
    en: 'The data are essentially constant, so the test statistic is undefined.',
    'zh-CN': '数据基本恒定，检验统计量无定义。',
  },
  'exact-too-large': {
    en: 'The exact test is computed for n_a × n_b up to {{max}}, not {{na}} × {{nb}}; leave "exact" out for the normal approximation',
    'zh-CN':
      '精确检验仅在 n_a × n_b 不超过 {{max}} 时计算，当前为 {{na}} × {{nb}}；去掉 "exact" 以使用正态近似',
  },
  'p-out-of-range': {
    en: 'p = {{value}} must be a probability from 0 to 1',
    'zh-CN': 'p = {{value}} 无效，须为 0 至 1 之间的概率',
  },
  'value-not-finite': {
    en: '{{value}} is not a finite number',
    'zh-CN': '{{value}} 不是有限数值',
  },
  'design-singular': {
    en: 'The regression design is singular (a term is a copy of others); add points on both sides of the intervention.',
    'zh-CN': '回归设计矩阵奇异（某项与其他项共线）；请在干预前后各增加数据点。',
  },
  'intervention-out-of-range': {
    en: 'intervention = {{value}} must be a whole number from 2 to n − 2 = {{n}} − 2 (the last point before the change)',
    'zh-CN': 'intervention = {{value}} 无效，须为 2 至 n − 2（n = {{n}}）之间的整数（干预前的最后一个点）',
  },
  'season-period-invalid': {
    en: 'seasonPeriod = {{value}} must be a whole number of points per season cycle, such as 12',
    'zh-CN': 'seasonPeriod = {{value}} 无效，须为每个季节周期的点数（整数），例如 12',
  },
  'lag-invalid': {
    en: 'lag = {{value}} must be a whole number, 0 or more',
    'zh-CN': 'lag = {{value}} 无效，须为非负整数',
  },
});
