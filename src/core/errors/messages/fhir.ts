/** FHIR resources that cannot be imported (core/fhir); the OperationOutcome names the FHIRPath of each. */
import { defineMessages } from './define-messages.ts';

export const fhirMessages = defineMessages('fhir', {
  'wrong-resource': {
    en: 'expected {{expected}}, got {{got}}',
    'zh-CN': '应为 {{expected}}，实际为 {{got}}',
  },
  'missing-element': { en: '{{element}} is required', 'zh-CN': '缺少必需的 {{element}}' },
  'no-populations': {
    en: 'no initial-population, denominator, denominator-exclusion or numerator',
    'zh-CN': '没有初始人群、分母、分母排除或分子',
  },
  'unknown-org-unit': {
    en: 'no org unit has the identifier {{value}}',
    'zh-CN': '没有机构的标识符为 {{value}}',
  },
  'unreadable-period': {
    en: 'the period {{start}} – {{end}} is not a month, a quarter or a year',
    'zh-CN': '期间 {{start}} – {{end}} 不是整月、整季度或整年',
  },
  'bad-count': {
    en: 'a population count must be a whole number ≥ 0 (got {{value}})',
    'zh-CN': '人群计数须为 ≥ 0 的整数（实际为 {{value}}）',
  },
  'not-json': { en: 'the body is not JSON: {{detail}}', 'zh-CN': '请求体不是 JSON：{{detail}}' },
  'import-refused': {
    en: 'the values were refused: {{detail}}',
    'zh-CN': '数值被拒绝：{{detail}}',
  },
});
