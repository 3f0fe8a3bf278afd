/** Alerts, deadlines, subscriptions, webhooks (core/alerts, server/alerts) and action plans (server/actions). */
import { defineMessages } from './define-messages.ts';

export const alertMessages = defineMessages('alerts', {
  'needs-user': {
    en: 'Only a signed-in user has an inbox, subscriptions and work of their own.',
    'zh-CN': '只有已登录的用户才有自己的收件箱、订阅和工作。',
  },
  'rule-not-found': { en: 'There is no alert rule {{id}}.', 'zh-CN': '没有编号为 {{id}} 的预警规则。' },
  'alert-not-found': { en: 'There is no alert {{id}}.', 'zh-CN': '没有编号为 {{id}} 的预警。' },
  'deadline-not-found': {
    en: 'Scorecard {{scorecard}} has no deadline for {{periodType}} data.',
    'zh-CN': '计分卡 {{scorecard}} 没有设置{{periodType}}数据的报送期限。',
  },
  'subscription-not-found': {
    en: 'You have no subscription {{id}}.',
    'zh-CN': '您没有编号为 {{id}} 的订阅。',
  },
  'webhook-not-found': { en: 'There is no webhook {{id}}.', 'zh-CN': '没有编号为 {{id}} 的 Webhook。' },
  'webhook-secret-required': {
    en: 'A {{kind}} webhook needs its signing secret.',
    'zh-CN': '{{kind}} 类型的 Webhook 需要签名密钥。',
  },
  'unknown-indicator': {
    en: 'Scorecard {{scorecard}} has no indicator {{indicator}}.',
    'zh-CN': '计分卡 {{scorecard}} 没有指标 {{indicator}}。',
  },
});

export const actionMessages = defineMessages('action', {
  'not-found': { en: 'There is no action {{id}}.', 'zh-CN': '没有编号为 {{id}} 的改进措施。' },
  'comment-not-found': {
    en: 'Action {{action}} has no comment {{id}}.',
    'zh-CN': '改进措施 {{action}} 没有编号为 {{id}} 的评论。',
  },
  'attachment-not-found': { en: 'There is no attachment {{id}}.', 'zh-CN': '没有编号为 {{id}} 的附件。' },
  'attachment-too-large': {
    en: 'The attachment is {{size}} bytes; at most {{limit}} bytes are accepted.',
    'zh-CN': '附件大小为 {{size}} 字节，超过了 {{limit}} 字节的上限。',
  },
  'user-not-found': { en: 'There is no user {{id}}.', 'zh-CN': '没有编号为 {{id}} 的用户。' },
  'alert-elsewhere': {
    en: 'Alert {{alert}} is about another indicator, unit or period.',
    'zh-CN': '预警 {{alert}} 针对的是其他指标、单位或期间。',
  },
});

/** The words of alert e-mails, in the recipient's preferred language. */
export const alertMailMessages = defineMessages('alert-mail', {
  subject: {
    en: '[HealthBSC] {{severity}}: {{what}} — {{orgUnit}} {{period}}',
    'zh-CN': '【HealthBSC 预警】{{severity}}：{{what}} — {{orgUnit}} {{period}}',
  },
  'digest-subject': {
    en: '[HealthBSC] {{count}} alert(s) of the day',
    'zh-CN': '【HealthBSC】今日预警 {{count}} 条',
  },
  'digest-raised': { en: 'Raised since the last digest:', 'zh-CN': '自上次摘要以来新发预警：' },
  'digest-closed': { en: 'Closed since the last digest:', 'zh-CN': '自上次摘要以来已解除预警：' },
  'kind-off-target': { en: '{{indicator}} is off target', 'zh-CN': '{{indicator}} 未达目标' },
  'kind-watch': { en: '{{indicator}} needs watching', 'zh-CN': '{{indicator}} 需要关注' },
  'kind-adverse-trend': {
    en: '{{indicator}} shows an adverse trend',
    'zh-CN': '{{indicator}} 出现不利趋势',
  },
  'kind-forecast-miss': {
    en: '{{indicator}} is forecast to miss the year’s target',
    'zh-CN': '{{indicator}} 预计无法达成年度目标',
  },
  'kind-data-late': { en: 'data not submitted by the deadline', 'zh-CN': '数据未按期报送' },
  'kind-data-quality': { en: 'data breaks validation rules', 'zh-CN': '数据未通过校验规则' },
  'kind-approval-waiting': { en: 'submitted data awaits approval', 'zh-CN': '已报送数据待审核' },
  'kind-action-overdue': {
    en: 'an action on {{indicator}} is overdue',
    'zh-CN': '{{indicator}} 的改进措施已逾期',
  },
  'kind-pull-failed': { en: 'a database pull failed', 'zh-CN': '数据库拉取任务运行失败' },
  'severity-info': { en: 'Info', 'zh-CN': '提示' },
  'severity-warning': { en: 'Warning', 'zh-CN': '警告' },
  'severity-critical': { en: 'Critical', 'zh-CN': '严重' },
  'value-line': {
    en: 'Value {{value}}, target {{target}}.',
    'zh-CN': '实际值 {{value}}，目标值 {{target}}。',
  },
  'open-line': { en: 'Open HealthBSC to see it: {{link}}', 'zh-CN': '请登录 HealthBSC 查看：{{link}}' },
});
