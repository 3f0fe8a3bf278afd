/** Periods: months `2024-03`, quarters `2024Q1` and years `2024` (core/periods). */
import { defineMessages } from './define-messages.ts';

export const periodMessages = defineMessages('period', {
  'not-a-period': {
    en: "'{{value}}' is not a period: use 2024-03, 2024Q1 or 2024",
    'zh-CN': '“{{value}}”不是有效的期间：请写成 2024-03、2024Q1 或 2024',
  },
  'year-out-of-range': {
    en: "'{{value}}' is not a period: years run from {{min}} to {{max}}",
    'zh-CN': '“{{value}}”不是有效的期间：年份须在 {{min}} 至 {{max}} 之间',
  },
  'year-outside': {
    en: 'The year {{year}} is outside the periods HealthBSC accepts ({{min}}–{{max}}).',
    'zh-CN': '年份 {{year}} 超出 HealthBSC 接受的范围（{{min}}–{{max}}）。',
  },
  'month-index': {
    en: 'A month index must be a whole number from 1 to 12; got {{index}}.',
    'zh-CN': '月份序号须为 1 至 12 的整数；现为 {{index}}。',
  },
  'quarter-index': {
    en: 'A quarter index must be a whole number from 1 to 4; got {{index}}.',
    'zh-CN': '季度序号须为 1 至 4 的整数；现为 {{index}}。',
  },
  'year-index': {
    en: 'A year index must be a whole number from 1 to 1; got {{index}}.',
    'zh-CN': '年度序号只能为 1；现为 {{index}}。',
  },
  'not-within-month': {
    en: 'The period {{period}} does not lie within a single month.',
    'zh-CN': '期间 {{period}} 跨越多个月份，不属于单一月份。',
  },
  'not-within-quarter': {
    en: 'The period {{period}} does not lie within a single quarter.',
    'zh-CN': '期间 {{period}} 跨越多个季度，不属于单一季度。',
  },
  'range-mixed-types': {
    en: 'A period range needs two periods of the same type; got {{from}} and {{to}}.',
    'zh-CN': '期间范围的起止须为同一类型的期间；现为 {{from}} 和 {{to}}。',
  },
  'range-backwards': {
    en: 'A period range must run forwards; {{from}} comes after {{to}}.',
    'zh-CN': '期间范围须从早到晚；{{from}} 晚于 {{to}}。',
  },
  'expected-month': {
    en: 'Expected a month such as 2024-03; got {{value}}.',
    'zh-CN': '此处须为月份，例如 2024-03；现为 {{value}}。',
  },
  'not-a-month': {
    en: "'{{value}}' is not a month: use 2024-03.",
    'zh-CN': '“{{value}}”不是有效的月份：请写成 2024-03。',
  },
});
