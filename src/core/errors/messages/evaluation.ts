/** Evaluating a scorecard for an org unit and period: results, series, rankings, explanations (server/evaluation). */
import { defineMessages } from './define-messages.ts';

export const evaluationMessages = defineMessages('evaluation', {
  'nothing-to-evaluate': { en: 'Nothing to evaluate.', 'zh-CN': '没有可评价的内容。' },
  'no-indicator': {
    en: "Scorecard '{{scorecard}}' has no indicator '{{indicator}}'.",
    'zh-CN': '计分卡“{{scorecard}}”中没有指标“{{indicator}}”。',
  },
  'no-weight-version': {
    en: "Scorecard '{{scorecard}}' has no weight version {{version}}.",
    'zh-CN': '计分卡“{{scorecard}}”没有第 {{version}} 版权重。',
  },
  'series-too-long': {
    en: 'A series may hold at most {{max}} periods; ask for a shorter range.',
    'zh-CN': '一个序列最多包含 {{max}} 个期间；请缩短范围。',
  },
  'stored-scorecard-invalid': {
    en: "Scorecard '{{code}}' (version {{version}}, weights version {{weightVersion}}) cannot be evaluated.",
    'zh-CN': '计分卡“{{code}}”（第 {{version}} 版，权重第 {{weightVersion}} 版）无法评价。',
  },
  'no-method-for-period': {
    en: "Scorecard '{{scorecard}}' held no method for {{period}}: its first version holds from a later period.",
    'zh-CN': '计分卡“{{scorecard}}”在 {{period}} 没有适用的方法：其最早的版本自更晚的期间起生效。',
  },
  'no-method-as-of': {
    en: "Scorecard '{{scorecard}}' had no method recorded for {{period}} as of {{asOf}}.",
    'zh-CN': '截至 {{asOf}}，计分卡“{{scorecard}}”尚未记录适用于 {{period}} 的方法。',
  },
  'as-of-format': {
    en: 'a date and time such as 2026-03-01T08:00:00Z',
    'zh-CN': '日期时间格式应如 2026-03-01T08:00:00Z',
  },
  'period-format': {
    en: 'a period such as 2024-03, 2024Q1 or 2024',
    'zh-CN': '期间格式应如 2024-03、2024Q1 或 2024',
  },
});
