/** Evaluation studies (src/core/studies, docs/study-format.md). */
import { defineMessages } from './define-messages.ts';

export const studyMessages = defineMessages('study', {
  'invalid-file': { en: 'The study file is not valid.', 'zh-CN': '研究文件无效。' },
  'period-format': {
    en: 'a period is a year (2021), a quarter (2021Q3) or a month (2021-07)',
    'zh-CN': '期间应为年（2021）、季度（2021Q3）或月份（2021-07）',
  },
  'month-format': { en: 'a month is written 2022-01', 'zh-CN': '月份的写法为 2022-01' },
  'window-reversed': {
    en: 'the window starts ({{from}}) after it ends ({{to}})',
    'zh-CN': '时间窗的开始（{{from}}）晚于结束（{{to}}）',
  },
  'windows-overlap': {
    en: 'the follow-up ({{followUp}}) must start after the baseline ends ({{baseline}})',
    'zh-CN': '随访期（{{followUp}}）须在基线期结束（{{baseline}}）之后开始',
  },
  'intervention-outside': {
    en: 'the intervention ({{intervention}}) must fall after the baseline starts and by the follow-up’s end',
    'zh-CN': '干预时间（{{intervention}}）须在基线期开始之后、随访期结束之前',
  },
  'unknown-indicator': {
    en: 'scorecard {{scorecard}} has no indicator {{indicator}}',
    'zh-CN': '计分卡 {{scorecard}} 没有指标 {{indicator}}',
  },
  'test-does-not-fit': {
    en: 'the {{test}} test does not fit {{indicator}}, a {{statistic}}',
    'zh-CN': '{{test}} 检验不适用于 {{indicator}}（{{statistic}}）',
  },
  'units-in-two-organisations': {
    en: 'a study’s units must belong to one organisation ({{units}})',
    'zh-CN': '研究的单位须属于同一个组织（{{units}}）',
  },
  'empty-group': {
    en: 'org-unit group {{code}} has no members',
    'zh-CN': '机构分组 {{code}} 没有成员',
  },
  'not-found': { en: 'no study {{code}}', 'zh-CN': '没有研究 {{code}}' },
  exists: { en: 'study {{code}} exists already', 'zh-CN': '研究 {{code}} 已存在' },
});
