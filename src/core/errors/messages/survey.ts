/**
 * AHP surveys (server/surveys, core/surveys): creating a survey, experts' links and answers, results and their
 * application as weights, and the paper questionnaire's import.
 */
import { defineMessages } from './define-messages.ts';

export const surveyMessages = defineMessages('survey', {
  'not-found': { en: 'There is no survey {{id}}.', 'zh-CN': '不存在编号为 {{id}} 的问卷调查。' },
  'expert-not-found': {
    en: 'Survey {{survey}} has no expert {{expert}}.',
    'zh-CN': '问卷调查 {{survey}} 中没有编号为 {{expert}} 的专家。',
  },
  'link-invalid': {
    en: 'This survey link is not valid: it may be mistyped, revoked or replaced by a newer one. Ask the survey’s organiser for a new link.',
    'zh-CN': '该问卷链接无效：可能输入有误、已被撤销或已被新链接取代。请向问卷组织者索取新链接。',
  },
  'link-expired': {
    en: 'This survey link expired on {{expiresAt}}. Ask the survey’s organiser for a new link; your answers are kept.',
    'zh-CN': '该问卷链接已于 {{expiresAt}} 过期。请向问卷组织者索取新链接；您已填写的答案会保留。',
  },
  'link-throttled': {
    en: 'Too many requests for survey links from here: try again in {{seconds}} seconds.',
    'zh-CN': '来自此处的问卷链接请求过多：请在 {{seconds}} 秒后重试。',
  },
  'link-expiry-past': {
    en: 'The link’s expiry {{expiresAt}} is not in the future.',
    'zh-CN': '链接的过期时间 {{expiresAt}} 不在将来。',
  },
  closed: {
    en: 'Survey {{id}} is closed: answers can no longer be changed.',
    'zh-CN': '问卷调查 {{id}} 已关闭：答案不能再修改。',
  },
  'not-closed': {
    en: 'Survey {{id}} is still open: close it before applying its result.',
    'zh-CN': '问卷调查 {{id}} 仍在进行：请先关闭再应用其结果。',
  },
  submitted: {
    en: 'You have submitted your answers to this survey: they can no longer be changed.',
    'zh-CN': '您已提交本问卷的答案：不能再修改。',
  },
  'unknown-node': {
    en: "The survey has no comparison group '{{node}}'.",
    'zh-CN': '问卷中没有比较组“{{node}}”。',
  },
  'unknown-pair': {
    en: "The comparison group '{{node}}' has no pair ({{i}}, {{j}}).",
    'zh-CN': '比较组“{{node}}”中没有第 ({{i}}, {{j}}) 对比较。',
  },
  'off-scale': {
    en: 'The judgment {{value}} is not on the scale (from 1/{{max}} to {{max}}).',
    'zh-CN': '判断值 {{value}} 不在标度范围内（1/{{max}} 到 {{max}}）。',
  },
  incomplete: {
    en: 'Answer every comparison before submitting: {{nodes}} still have unanswered pairs.',
    'zh-CN': '提交前请完成所有比较：{{nodes}} 仍有未回答的比较。',
  },
  'node-without-answers': {
    en: "No expert's judgments count for the comparison group '{{node}}'.",
    'zh-CN': '比较组“{{node}}”没有任何可计入的专家判断。',
  },
  'not-applicable': {
    en: 'The result cannot be applied: {{count}} comparison groups have no counted judgments.',
    'zh-CN': '结果无法应用：有 {{count}} 个比较组没有可计入的判断。',
  },
  'already-applied': {
    en: 'This result was already applied from {{effectiveFrom}} (weight version {{version}}).',
    'zh-CN': '该结果已从 {{effectiveFrom}} 起应用（权重版本 {{version}}）。',
  },
  'scorecard-changed': {
    en: "The scorecard's structure changed since the survey was created: '{{element}}' is no longer where the survey asked about it.",
    'zh-CN': '自问卷创建以来计分卡结构已改变：“{{element}}”已不在问卷所问的位置。',
  },
  'file-unreadable': {
    en: 'The file is not an XLSX questionnaire of this survey.',
    'zh-CN': '该文件不是本问卷的 XLSX 问卷。',
  },
  'file-other-expert': {
    en: 'The file is the questionnaire of survey {{survey}}, expert {{expert}}, not of this one.',
    'zh-CN': '该文件是问卷调查 {{survey}} 专家 {{expert}} 的问卷，不是本问卷。',
  },
  'sheet-missing': {
    en: "The sheet of comparison group '{{node}}' is missing.",
    'zh-CN': '缺少比较组“{{node}}”的工作表。',
  },
  'cell-not-judgment': {
    en: "Row {{row}} of sheet {{sheet}}: '{{value}}' is not a judgment (write a number such as 3, or a fraction such as 1/3).",
    'zh-CN': '工作表 {{sheet}} 第 {{row}} 行：“{{value}}”不是判断值（请填写数字如 3，或分数如 1/3）。',
  },
  'cell-off-scale': {
    en: 'Row {{row}} of sheet {{sheet}}: {{value}} is not on the scale (from 1/{{max}} to {{max}}).',
    'zh-CN': '工作表 {{sheet}} 第 {{row}} 行：{{value}} 不在标度范围内（1/{{max}} 到 {{max}}）。',
  },
  'deadline-past': {
    en: 'The deadline {{deadline}} has passed: set one in the future.',
    'zh-CN': '截止时间 {{deadline}} 已过，请设置将来的时间。',
  },
  'reminder-days-without-deadline': {
    en: 'Automatic reminders need a deadline: set the deadline, or no days before it.',
    'zh-CN': '自动提醒需要截止时间：请设置截止时间，或不设提前天数。',
  },
});
