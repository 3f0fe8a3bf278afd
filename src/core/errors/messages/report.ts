/** Evaluation and group reports (`healthbsc report`, GET /api/reports/…). */
import { defineMessages } from './define-messages.ts';

export const reportMessages = defineMessages('report', {
  'needs-option': {
    en: '--{{option}} is required',
    'zh-CN': '必须提供 --{{option}}',
  },
  'bad-format': {
    en: "unknown format '{{format}}': say pdf or xlsx",
    'zh-CN': '未知格式“{{format}}”：请指定 pdf 或 xlsx',
  },
  'subscription-not-found': {
    en: 'no report subscription {{id}}',
    'zh-CN': '没有编号为 {{id}} 的报告订阅',
  },
  'bad-kind': {
    en: "unknown report '{{kind}}': say evaluation or group",
    'zh-CN': '未知报告类型“{{kind}}”：请指定 evaluation 或 group',
  },
});
