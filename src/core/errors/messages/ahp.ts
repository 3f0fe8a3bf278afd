/**
 * The analytic hierarchy process (core/ahp): judgment matrices, group judgments, hierarchies and the options of
 * a computation. `where` is the place inside the input, written like `matrix[1][0]` (a path, not words).
 */
import { defineMessages } from './define-messages.ts';

export const ahpMessages = defineMessages('ahp', {
  'option-not-allowed': {
    en: '{{key}} = {{value}} must be one of {{allowed}}',
    'zh-CN': '{{key}} = {{value}} 无效，应为以下之一：{{allowed}}',
  },
  'threshold-not-positive': {
    en: 'threshold = {{value}} must be a positive number such as 0.1',
    'zh-CN': 'threshold = {{value}} 无效，须为正数，例如 0.1',
  },
  'count-not-whole': {
    en: 'count = {{value}} must be a whole number of suggestions, such as 3',
    'zh-CN': 'count = {{value}} 无效，建议条数须为整数，例如 3',
  },
  'no-experts': {
    en: 'At least one expert judgment matrix is needed.',
    'zh-CN': '至少需要一位专家的判断矩阵。',
  },
  'experts-invalid': {
    en: "The experts' judgments have {{count}} problem(s).",
    'zh-CN': '专家判断共有 {{count}} 处问题。',
  },
  'expert-size-mismatch': {
    en: '{{where}} is {{size}}×{{size}} but {{first}} is {{n}}×{{n}}; every expert must compare the same elements',
    'zh-CN': '{{where}} 为 {{size}}×{{size}}，而 {{first}} 为 {{n}}×{{n}}；每位专家须比较相同的要素',
  },
  'expert-weight-not-positive': {
    en: '{{where}} = {{weight}} must be a positive number',
    'zh-CN': '{{where}} = {{weight}} 无效，须为正数',
  },
  'no-consistent-experts': {
    en: 'None of the {{count}} experts is consistent (CR below the threshold), so excluding the inconsistent ones leaves nobody',
    'zh-CN': '{{count}} 位专家均未通过一致性检验（CR 低于阈值），排除不一致者后无人可用',
  },
  'node-matrix-missing': {
    en: '{{where}} has {{children}} children but no "matrix" or "experts" to weigh them',
    'zh-CN': '{{where}} 有 {{children}} 个下级，但没有用于确定其权重的 "matrix" 或 "experts"',
  },
  'node-matrix-and-experts': {
    en: '{{where}} has both "matrix" and "experts"; give one of them',
    'zh-CN': '{{where}} 同时有 "matrix" 和 "experts"，只能给出其一',
  },
  'node-size-mismatch': {
    en: '{{where}} compares {{n}} elements but has {{children}} children',
    'zh-CN': '{{where}} 比较 {{n}} 个要素，但有 {{children}} 个下级',
  },
  'sensitivity-invalid': {
    en: 'The sensitivity analysis input has {{count}} problem(s).',
    'zh-CN': '敏感性分析的输入共有 {{count}} 处问题。',
  },
  'scores-too-few-units': {
    en: '{{where}} must have at least two units (rows) to rank; it has {{count}}',
    'zh-CN': '{{where}} 至少须有两个单位（行）才能排序，现有 {{count}} 个',
  },
  'scores-row-length': {
    en: '{{where}} has {{length}} score(s) but the hierarchy has {{leaves}} leaves',
    'zh-CN': '{{where}} 有 {{length}} 个得分，而层次结构有 {{leaves}} 个末级要素',
  },
  'score-not-finite': {
    en: '{{where}} = {{value}} must be a finite number',
    'zh-CN': '{{where}} = {{value}} 无效，须为有限数值',
  },
  'draws-invalid': {
    en: 'draws = {{value}} must be a whole number from 1 to 100000',
    'zh-CN': 'draws = {{value}} 无效，须为 1 到 100000 之间的整数',
  },
  'seed-invalid': {
    en: 'seed = {{value}} must be a whole number',
    'zh-CN': 'seed = {{value}} 无效，须为整数',
  },
  'share-invalid': {
    en: 'share = {{value}} must be a number from 0 to 1 (the part of one scale step a judgment may move)',
    'zh-CN': 'share = {{value}} 无效，须为 0 到 1 之间的数（判断值可移动的标度步长比例）',
  },
  'hierarchy-invalid': {
    en: 'The hierarchy has {{count}} problem(s).',
    'zh-CN': '层次结构共有 {{count}} 处问题。',
  },
  'node-id-missing': {
    en: '{{where}}.id must be a non-empty string',
    'zh-CN': '{{where}}.id 须为非空文本',
  },
  'node-id-duplicate': {
    en: '{{where}}.id = "{{id}}" is already used by {{other}}; ids must be unique',
    'zh-CN': '{{where}}.id = "{{id}}" 已被 {{other}} 使用；id 不能重复',
  },
  'node-weight-invalid': {
    en: '{{where}}.weight = {{weight}} must be a number ≥ 0',
    'zh-CN': '{{where}}.weight = {{weight}} 无效，须为 ≥ 0 的数',
  },
  'matrix-invalid': {
    en: 'The judgment matrix is not valid.',
    'zh-CN': '判断矩阵无效。',
  },
  'matrix-problems': {
    en: 'The judgment matrix has {{count}} problem(s).',
    'zh-CN': '判断矩阵共有 {{count}} 处问题。',
  },
  'matrix-not-rows': {
    en: '{{where}} must be an array of rows, e.g. [[1, 3], ["1/3", 1]]',
    'zh-CN': '{{where}} 须为由行组成的数组，例如 [[1, 3], ["1/3", 1]]',
  },
  'matrix-not-array': {
    en: '{{where}} must be an array of rows',
    'zh-CN': '{{where}} 须为由行组成的数组',
  },
  'matrix-empty': {
    en: '{{where}} must have at least one row',
    'zh-CN': '{{where}} 至少须有一行',
  },
  'row-not-array': {
    en: '{{where}} must be an array of {{n}} judgments',
    'zh-CN': '{{where}} 须为含 {{n}} 个判断值的数组',
  },
  'row-length': {
    en: '{{where}} has {{length}} entries but the matrix has {{n}} rows; a judgment matrix must be square ({{n}}×{{n}})',
    'zh-CN': '{{where}} 有 {{length}} 个值，而矩阵有 {{n}} 行；判断矩阵须为方阵（{{n}}×{{n}}）',
  },
  'row-not-square': {
    en: '{{where}} must have {{n}} entries; a judgment matrix must be square ({{n}}×{{n}})',
    'zh-CN': '{{where}} 须有 {{n}} 个值；判断矩阵须为方阵（{{n}}×{{n}}）',
  },
  'entry-not-number': {
    en: '{{where}} = {{value}} is not a number or a fraction like "1/3"',
    'zh-CN': '{{where}} = {{value}} 不是数字，也不是“1/3”这样的分数',
  },
  'entry-divides-by-zero': {
    en: '{{where}} = {{value}} divides by zero',
    'zh-CN': '{{where}} = {{value}} 的分母为零',
  },
  'entry-not-positive': {
    en: '{{where}} = {{value}} must be a positive finite number',
    'zh-CN': '{{where}} = {{value}} 无效，须为有限的正数',
  },
  'diagonal-not-one': {
    en: '{{where}} = {{value}} is on the diagonal and must be 1',
    'zh-CN': '{{where}} = {{value}} 位于对角线上，须为 1',
  },
  'outside-saaty-scale': {
    en: '{{where}} = {{value}} is outside the Saaty 1–9 scale (1/9 to 9)',
    'zh-CN': '{{where}} = {{value}} 超出 Saaty 1–9 标度（1/9 至 9）',
  },
  'outside-five-point-scale': {
    en: '{{where}} = {{value}} is outside the five-point scale of seed 002 Table 2.1 (1/5 to 5)',
    'zh-CN': '{{where}} = {{value}} 超出 seed 002 表 2.1 的五级标度（1/5 至 5）',
  },
  'not-reciprocal': {
    en: '{{where}} = {{value}} is not the reciprocal of {{other}} = {{otherValue}} (expected {{expected}})',
    'zh-CN': '{{where}} = {{value}} 不是 {{other}} = {{otherValue}} 的倒数（应为 {{expected}}）',
  },
  'not-reciprocal-fraction': {
    en: '{{where}} = {{value}} is not the reciprocal of {{other}} = {{otherValue}} (expected {{typed}} = {{expected}}); write it as "{{typed}}"',
    'zh-CN':
      '{{where}} = {{value}} 不是 {{other}} = {{otherValue}} 的倒数（应为 {{typed}} = {{expected}}）；请写成“{{typed}}”',
  },
  'eigenvector-not-converged': {
    en: 'The principal eigenvector did not converge within {{iterations}} iterations; check the judgment matrix.',
    'zh-CN': '主特征向量在 {{iterations}} 次迭代内未收敛；请检查判断矩阵。',
  },
  'outside-random-index-table': {
    en: 'A {{n}}×{{n}} judgment matrix is outside the {{table}} random-index table, which covers n = 1 to {{max}}; split the criteria into smaller groups.',
    'zh-CN':
      '{{n}}×{{n}} 的判断矩阵超出随机一致性指标表 {{table}} 的范围（n = 1 至 {{max}}）；请把准则拆分成更小的组。',
  },
});
