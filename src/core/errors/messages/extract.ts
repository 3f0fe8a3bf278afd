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
  'worker-stopped': {
    en: 'The extract could not be aggregated: the worker stopped (record values are not shown).',
    'zh-CN': '无法汇总明细数据：汇总进程已停止（不显示记录中的值）。',
  },
  'column-nul': {
    en: 'A column name cannot contain the NUL character.',
    'zh-CN': '列名不能包含 NUL 字符。',
  },
  'aggregate-column': {
    en: 'count takes no column; count-distinct, sum and avg need one.',
    'zh-CN': '计数（count）不指定列；去重计数、求和与平均（count-distinct、sum、avg）须指定列。',
  },
  'element-twice': {
    en: 'A data element appears twice.',
    'zh-CN': '同一数据元出现了两次。',
  },
  'unknown-construct': {
    en: 'There is no construct named {{construct}}.',
    'zh-CN': '没有名为 {{construct}} 的条件组合。',
  },
});
