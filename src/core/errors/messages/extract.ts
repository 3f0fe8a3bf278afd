/** Record-level extracts (src/core/extracts, src/server/extracts) and database pulls (src/server/pulls). */
import { defineMessages } from './define-messages.ts';

export const extractMessages = defineMessages('extract', {
  'definition-needed': {
    en: 'An extract is imported with its extract definition.',
    'zh-CN': '导入明细数据须同时提供其汇总定义。',
  },
  'invalid-definition': {
    en: 'The extract definition is not valid.',
    'zh-CN': '明细数据汇总定义无效。',
  },
  'engine-failed': {
    en: 'The extract could not be aggregated: {{message}} (record values are not shown).',
    'zh-CN': '无法汇总明细数据：{{message}}（不显示记录中的值）。',
  },
  aggregated: {
    en: '{{values}} values aggregated from the extract in {{seconds}} s; its records were deleted.',
    'zh-CN': '已在 {{seconds}} 秒内从明细数据汇总出 {{values}} 个值；明细记录已删除。',
  },
  'pull-failed': {
    en: 'The database pull failed: {{message}}',
    'zh-CN': '从数据库拉取数据失败：{{message}}',
  },
  'pull-dialect-not-wired': {
    en: 'Pulls from {{dialect}} are not wired yet.',
    'zh-CN': '尚未接入从 {{dialect}} 拉取数据。',
  },
  'no-values': {
    en: 'No record of the extract matched a unit and a date.',
    'zh-CN': '明细数据中没有记录同时具有机构和日期。',
  },
});
