/** Data values: one data element's monthly figure for one org unit (server/services/data-values.service.ts). */
import { defineMessages } from './define-messages.ts';

export const dataValueMessages = defineMessages('data-value', {
  'batch-invalid': {
    en: 'Some values cannot be stored; nothing was stored.',
    'zh-CN': '部分数据值无法保存；未保存任何数据。',
  },
  'not-a-month': {
    en: "'{{value}}' is not a period: use a month such as 2024-03",
    'zh-CN': '“{{value}}”不是有效的期间：请使用月份，例如 2024-03',
  },
  'period-not-month': {
    en: "'{{code}}' is reported per month; '{{period}}' is not a month (quarters and years are computed from the months)",
    'zh-CN': '数据元“{{code}}”按月报告；“{{period}}”不是月份（季度和年度由各月计算得出）',
  },
  'period-not-quarter': {
    en: "'{{code}}' is reported per quarter: use a quarter such as 2024Q1, not '{{period}}'",
    'zh-CN': '数据元“{{code}}”按季度报告：请使用季度（例如 2024Q1），而不是“{{period}}”',
  },
  'period-not-year': {
    en: "'{{code}}' is reported per year: use a year such as 2024, not '{{period}}'",
    'zh-CN': '数据元“{{code}}”按年报告：请使用年份（例如 2024），而不是“{{period}}”',
  },
  'not-whole': {
    en: "'{{code}}' holds whole numbers; got {{value}}",
    'zh-CN': '“{{code}}”只接受整数；现为 {{value}}',
  },
  'below-minimum': {
    en: "{{value}} is below the minimum {{min}} of '{{code}}'",
    'zh-CN': '{{value}} 低于“{{code}}”的最小值 {{min}}',
  },
  'above-maximum': {
    en: "{{value}} is above the maximum {{max}} of '{{code}}'",
    'zh-CN': '{{value}} 高于“{{code}}”的最大值 {{max}}',
  },
  duplicate: {
    en: 'the same value as values[{{first}}]',
    'zh-CN': '与 values[{{first}}] 是同一个数据值',
  },
});
