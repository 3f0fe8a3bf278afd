/**
 * The indicator formula language (core/formula): what the tokenizer, the parser and the check of data elements
 * report, each with the 0-based position of the problem inside the formula.
 */
import { defineMessages } from './define-messages.ts';

export const formulaMessages = defineMessages('formula', {
  empty: { en: 'empty formula', 'zh-CN': '公式为空' },
  'malformed-number': { en: "malformed number '{{text}}'", 'zh-CN': '数字“{{text}}”格式不正确' },
  'malformed-number-braces': {
    en: "malformed number '{{text}}'; a data-element code that starts with a digit must be written in braces, e.g. '{{braced}}'",
    'zh-CN': '数字“{{text}}”格式不正确；以数字开头的数据元素代码须写在花括号中，例如“{{braced}}”',
  },
  'number-too-large': { en: "number '{{text}}' is too large", 'zh-CN': '数字“{{text}}”过大' },
  'unterminated-brace': {
    en: "unterminated '{': missing '}'",
    'zh-CN': '“{”没有闭合：缺少“}”',
  },
  'empty-braces': { en: "empty data-element code '{}'", 'zh-CN': '花括号“{}”中缺少数据元素代码' },
  'unexpected-character': {
    en: "unexpected character '{{character}}'",
    'zh-CN': '无法识别的字符“{{character}}”',
  },
  'unexpected-invisible-character': {
    en: 'unexpected character {{character}}',
    'zh-CN': '无法识别的不可见字符 {{character}}',
  },
  'unexpected-character-did-you-mean': {
    en: "unexpected character '{{character}}'; did you mean '{{suggestion}}'?",
    'zh-CN': '无法识别的字符“{{character}}”；您是想输入“{{suggestion}}”吗？',
  },
  'unexpected-character-use': {
    en: "unexpected character '{{character}}'; use '{{suggestion}}'",
    'zh-CN': '无法识别的字符“{{character}}”；请使用“{{suggestion}}”',
  },
  'unexpected-exclamation': {
    en: "unexpected character '!'; use '!=' or 'not'",
    'zh-CN': '无法识别的字符“!”；请使用“!=”或“not”',
  },
  'unexpected-percent': {
    en: "unexpected character '%'; write the factor out, e.g. '* 100'",
    'zh-CN': '无法识别的字符“%”；请写出倍数，例如“* 100”',
  },
  'unexpected-closing-brace': {
    en: "unexpected character '}'; a '}' must close a '{'",
    'zh-CN': '无法识别的字符“}”；“}”必须与前面的“{”配对',
  },
  'unmatched-close-paren': {
    en: "unexpected ')'; there is no '(' to close",
    'zh-CN': '多余的“)”：前面没有与之配对的“(”',
  },
  'expected-operator-or-end': {
    en: "unexpected '{{token}}'; expected an operator or the end of the formula",
    'zh-CN': '意外的“{{token}}”；此处应为运算符或公式结尾',
  },
  'chained-comparison': {
    en: "comparisons cannot be chained; combine them with 'and', e.g. 'a < b and b < c'",
    'zh-CN': '比较不能连写；请用“and”连接，例如“a < b and b < c”',
  },
  'unexpected-end': {
    en: "unexpected end of formula; expected a number, a data element, a function call or '('",
    'zh-CN': '公式意外结束；此处应为数字、数据元素、函数调用或“(”',
  },
  'unexpected-not': {
    en: "unexpected 'not'; write '(not …)' inside arithmetic",
    'zh-CN': '意外的“not”；在算术运算中请写成“(not …)”',
  },
  'expected-operand': {
    en: "unexpected '{{token}}'; expected a number, a data element, a function call or '('",
    'zh-CN': '意外的“{{token}}”；此处应为数字、数据元素、函数调用或“(”',
  },
  'missing-close-paren': {
    en: "missing ')' to close the '(' at position {{open}}",
    'zh-CN': '缺少“)”，无法闭合位置 {{open}} 处的“(”',
  },
  'expected-operator-or-close': {
    en: "unexpected '{{token}}'; expected an operator or ')'",
    'zh-CN': '意外的“{{token}}”；此处应为运算符或“)”',
  },
  'unknown-function': {
    en: "unknown function '{{name}}'; known: {{known}}",
    'zh-CN': '未知函数“{{name}}”；可用函数：{{known}}',
  },
  'missing-call-close': {
    en: "missing ')' to close '{{name}}(' at position {{open}}",
    'zh-CN': '缺少“)”，无法闭合位置 {{open}} 处的“{{name}}(”',
  },
  'expected-comma-or-close': {
    en: "unexpected '{{token}}'; expected ',' or ')'",
    'zh-CN': '意外的“{{token}}”；此处应为“,”或“)”',
  },
  'too-deep': {
    en: 'formula is nested too deeply (more than {{max}} levels)',
    'zh-CN': '公式嵌套过深（超过 {{max}} 层）',
  },
  'if-arity': {
    en: 'if() takes exactly 3 arguments (condition, value if true, value if false); got {{count}}',
    'zh-CN': 'if() 须恰好有 3 个参数（条件、条件成立时的值、条件不成立时的值）；现有 {{count}} 个',
  },
  'arity-exactly-one': {
    en: '{{name}}() takes exactly 1 argument; got {{count}}',
    'zh-CN': '{{name}}() 须恰好有 1 个参数；现有 {{count}} 个',
  },
  'arity-exactly': {
    en: '{{name}}() takes exactly {{min}} arguments; got {{count}}',
    'zh-CN': '{{name}}() 须恰好有 {{min}} 个参数；现有 {{count}} 个',
  },
  'arity-at-least-one': {
    en: '{{name}}() takes at least 1 argument; got {{count}}',
    'zh-CN': '{{name}}() 至少须有 1 个参数；现有 {{count}} 个',
  },
  'arity-at-least': {
    en: '{{name}}() takes at least {{min}} arguments; got {{count}}',
    'zh-CN': '{{name}}() 至少须有 {{min}} 个参数；现有 {{count}} 个',
  },
  'period-offset-integer': {
    en: "'.periodOffset(…)' takes a whole number of periods such as -1; got '{{token}}'",
    'zh-CN': '“.periodOffset(…)”须写整数个期间，例如 -1；实际为“{{token}}”',
  },
  'period-offset-range': {
    en: 'period offset {{offset}} is out of range; use a whole number from -{{max}} to -1 (an earlier period)',
    'zh-CN': '期间偏移 {{offset}} 超出范围；请使用 -{{max}} 到 -1 之间的整数（更早的期间）',
  },
  'unknown-data-element': {
    en: "unknown data element '{{code}}'",
    'zh-CN': '未知的数据元素“{{code}}”',
  },
});
