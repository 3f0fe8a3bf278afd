/**
 * The checks of a request's or a file's shape (zod's issue codes, core/errors/zod-issues.ts), worded for the
 * user. A schema that needs its own words gives a problem code as the check's message (`.regex(re,
 * 'scorecard.code-format')`), and that code is used instead of these.
 */
import { defineMessages } from './define-messages.ts';

export const zodMessages = defineMessages('zod', {
  required: { en: 'required', 'zh-CN': '必填' },
  'expected-string': { en: 'expected text', 'zh-CN': '应为文本' },
  'expected-number': { en: 'expected a number', 'zh-CN': '应为数字' },
  'expected-integer': { en: 'expected a whole number', 'zh-CN': '应为整数' },
  'expected-boolean': { en: 'expected true or false', 'zh-CN': '应为 true 或 false' },
  'expected-object': { en: 'expected an object', 'zh-CN': '应为对象' },
  'expected-array': { en: 'expected a list', 'zh-CN': '应为列表' },
  'invalid-type': { en: 'expected {{expected}}', 'zh-CN': '类型应为 {{expected}}' },
  'too-short': { en: 'use at least {{minimum}} characters', 'zh-CN': '至少 {{minimum}} 个字符' },
  'too-long': { en: 'use at most {{maximum}} characters', 'zh-CN': '最多 {{maximum}} 个字符' },
  'too-few-items': { en: 'give at least {{minimum}} items', 'zh-CN': '至少 {{minimum}} 项' },
  'too-many-items': { en: 'give at most {{maximum}} items', 'zh-CN': '最多 {{maximum}} 项' },
  'not-below': { en: 'must be at least {{minimum}}', 'zh-CN': '不能小于 {{minimum}}' },
  'above-minimum': { en: 'must be greater than {{minimum}}', 'zh-CN': '必须大于 {{minimum}}' },
  'not-above': { en: 'must be at most {{maximum}}', 'zh-CN': '不能大于 {{maximum}}' },
  'below-maximum': { en: 'must be less than {{maximum}}', 'zh-CN': '必须小于 {{maximum}}' },
  'invalid-format': { en: 'not a valid {{format}}', 'zh-CN': '不是有效的 {{format}} 格式' },
  'not-multiple-of': { en: 'must be a multiple of {{divisor}}', 'zh-CN': '必须是 {{divisor}} 的倍数' },
  'unknown-fields': { en: 'unknown field(s) {{keys}}', 'zh-CN': '未知字段 {{keys}}' },
  'no-matching-form': { en: 'does not match any allowed form', 'zh-CN': '不符合任何允许的形式' },
  'invalid-value': { en: 'must be one of {{values}}', 'zh-CN': '必须是以下之一：{{values}}' },
  'invalid-key': { en: 'has an invalid key', 'zh-CN': '含有无效的键' },
  'invalid-element': { en: 'has an invalid element', 'zh-CN': '含有无效的元素' },
  custom: { en: '{{message}}', 'zh-CN': '{{message}}' },
});
