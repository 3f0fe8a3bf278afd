/**
 * The data-quality gate (core/quality, server/data-quality): validation rules broken on entry, on import and
 * at approval, and the four-eyes rule of approval.
 */
import { defineMessages } from './define-messages.ts';

export const dataQualityMessages = defineMessages('data-quality', {
  'comment-required': {
    en: "this value breaks rule '{{rule}}' ({{left}} {{operator}} {{right}} does not hold): say why in a comment to save it",
    'zh-CN':
      '该数值违反校验规则“{{rule}}”（{{left}} {{operator}} {{right}} 不成立）：请填写备注说明原因后再保存',
  },
  'comments-required': {
    en: '{{count}} value(s) break a validation rule and have no comment: nothing was stored.',
    'zh-CN': '{{count}} 个数值违反校验规则且没有备注：未保存任何数据。',
  },
  'rule-broken': {
    en: "rule '{{rule}}' ({{importance}}) does not hold for {{orgUnit}} in {{period}}: {{left}} {{operator}} {{right}}",
    'zh-CN':
      '校验规则“{{rule}}”（{{importance}}）在 {{orgUnit}}、{{period}} 不成立：{{left}} {{operator}} {{right}}',
  },
  'high-violations': {
    en: '{{count}} value(s) break a rule of high importance: correct them, or override with a reason to import anyway.',
    'zh-CN': '{{count}} 处数据违反高重要性校验规则：请更正，或填写原因后强制导入。',
  },
  'override-reason-required': {
    en: 'say why the import overrides the rules of high importance',
    'zh-CN': '请说明强制导入违反高重要性校验规则数据的原因',
  },
  'open-violations': {
    en: 'The data of {{key}} still breaks {{count}} validation rule(s): correct it, or acknowledge the violations to approve it anyway (the acknowledgement is audited).',
    'zh-CN':
      '{{key}} 的数据仍违反 {{count}} 条校验规则：请更正，或确认这些违规后再审批（确认会记入审计日志）。',
  },
});
