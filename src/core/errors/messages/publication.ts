/**
 * Published scores (server/publications): publishing a scorecard × period × org-unit subtree, reading what was
 * published, and the restatement of today's computation against it.
 */
import { defineMessages } from './define-messages.ts';

export const publicationMessages = defineMessages('publication', {
  none: {
    en: "Scorecard '{{scorecard}}' has no published score for {{orgUnit}} in {{period}}.",
    'zh-CN': '计分卡“{{scorecard}}”尚未发布 {{orgUnit}} 在 {{period}} 的得分。',
  },
  'not-found': { en: 'There is no publication {{id}}.', 'zh-CN': '不存在编号为 {{id}} 的发布。' },
  'reason-required': {
    en: 'This score was published before (publication {{id}}, {{publishedAt}}, by {{publishedBy}}): say why it is published again; the earlier publication is kept.',
    'zh-CN':
      '该得分此前已发布（第 {{id}} 号发布，{{publishedAt}}，发布人 {{publishedBy}}）：请说明重新发布的原因；此前的发布会保留。',
  },
  'unapproved-data': {
    en: 'The data of {{orgUnit}} is not approved for {{periods}}: approve it first, or name these periods to publish anyway (the publication lists them).',
    'zh-CN':
      '{{orgUnit}} 在 {{periods}} 的数据尚未审批：请先审批，或明确列出这些期间后仍然发布（发布记录会列出它们）。',
  },
  'not-unapproved': {
    en: "'{{period}}' is not among the periods with unapproved data ({{periods}})",
    'zh-CN': '“{{period}}”不属于数据未审批的期间（{{periods}}）',
  },
});
