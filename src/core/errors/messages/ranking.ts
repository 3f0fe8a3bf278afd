/**
 * Objective weights and rankings of units (core/ranking): entropy, CRITIC, combined weights, TOPSIS and RSR.
 * `where` is the place inside the input, written like `matrix[1][0]` (a path, not words).
 */
import { defineMessages } from './define-messages.ts';

export const rankingMessages = defineMessages('ranking', {
  'input-invalid': {
    en: 'The decision matrix has {{count}} problem(s).',
    'zh-CN': '决策矩阵共有 {{count}} 处问题。',
  },
  'too-few-units': {
    en: 'At least two units (rows) are needed; there are {{count}}.',
    'zh-CN': '至少需要两个单位（行），现有 {{count}} 个。',
  },
  'no-criteria': {
    en: 'At least one criterion (column) is needed.',
    'zh-CN': '至少需要一个指标（列）。',
  },
  'row-length': {
    en: '{{where}} has {{length}} value(s) but there are {{criteria}} criteria',
    'zh-CN': '{{where}} 有 {{length}} 个值，而指标有 {{criteria}} 个',
  },
  'value-not-finite': {
    en: '{{where}} = {{value}} must be a finite number',
    'zh-CN': '{{where}} = {{value}} 无效，须为有限数值',
  },
  'value-negative': {
    en: '{{where}} = {{value}} is negative; {{method}} needs values of zero or more',
    'zh-CN': '{{where}} = {{value}} 为负数；{{method}} 要求数值不小于 0',
  },
  'column-all-zero': {
    en: 'Criterion {{column}} is zero for every unit; {{method}} cannot use it',
    'zh-CN': '指标 {{column}} 在所有单位均为 0，{{method}} 无法使用',
  },
  'column-constant': {
    en: 'Criterion {{column}} has the same value for every unit; {{method}} needs some spread',
    'zh-CN': '指标 {{column}} 在所有单位取值相同；{{method}} 需要数值有差异',
  },
  'no-information': {
    en: 'No criterion tells the units apart, so {{method}} cannot give weights',
    'zh-CN': '没有任何指标能区分各单位，{{method}} 无法给出权重',
  },
  'weights-length': {
    en: 'There are {{length}} weight(s) but {{criteria}} criteria',
    'zh-CN': '权重有 {{length}} 个，而指标有 {{criteria}} 个',
  },
  'weight-invalid': {
    en: '{{where}} = {{value}} must be a number of zero or more',
    'zh-CN': '{{where}} = {{value}} 无效，须为不小于 0 的数',
  },
  'weights-zero': {
    en: 'The weights add up to zero; at least one must be positive',
    'zh-CN': '权重之和为 0，至少应有一个为正数',
  },
  'share-invalid': {
    en: 'share = {{value}} must be between 0 and 1 (the subjective weights’ part of the mix)',
    'zh-CN': 'share = {{value}} 无效，须在 0 到 1 之间（主观权重所占比例）',
  },
  'cutpoints-invalid': {
    en: 'cutpoints = {{value}} must be increasing probit values, such as [4, 6]',
    'zh-CN': 'cutpoints = {{value}} 无效，须为递增的概率单位值，例如 [4, 6]',
  },
  'direction-invalid': {
    en: '{{where}} = {{value}} must be "higher" or "lower"',
    'zh-CN': '{{where}} = {{value}} 无效，应为 "higher" 或 "lower"',
  },
  'cli-method': {
    en: '{{command}} needs a method: {{allowed}} (got {{value}})',
    'zh-CN': '{{command}} 须指定方法：{{allowed}}（现为 {{value}}）',
  },
  'cli-input-invalid': {
    en: 'The input of {{command}} is not valid.',
    'zh-CN': '{{command}} 的输入无效。',
  },
  'labels-count': {
    en: '{{key}} has {{count}} name(s) but there are {{expected}}',
    'zh-CN': '{{key}} 有 {{count}} 个名称，而应有 {{expected}} 个',
  },
  'missing-values': {
    en: '{{count}} value(s) are missing; objective rankings need every indicator for every unit of the cohort',
    'zh-CN': '缺少 {{count}} 个数值；客观排序要求该组每个单位的每个指标都有数值',
  },
  'missing-cell': {
    en: '{{orgUnit}} has no value for {{indicator}}',
    'zh-CN': '{{orgUnit}} 缺少指标 {{indicator}} 的数值',
  },
  'no-cohort': {
    en: 'No units of cohort {{cohort}} under {{parent}}',
    'zh-CN': '{{parent}} 之下没有 {{cohort}} 组的单位',
  },
});
