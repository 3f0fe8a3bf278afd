/** The strategy map: objectives, cause → effect links and their check against the data (src/core/strategy). */
import { defineMessages } from './define-messages.ts';

export const strategyMessages = defineMessages('strategy', {
  'unknown-perspective': {
    en: 'the scorecard has no perspective {{perspective}}',
    'zh-CN': '计分卡没有维度 {{perspective}}',
  },
  'series-too-long': {
    en: 'the link check reads at most {{max}} periods',
    'zh-CN': '因果关系检验最多读取 {{max}} 个期间',
  },
});
