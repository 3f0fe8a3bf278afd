/**
 * Analytics (core/analytics): the value cube of org units × data elements × months, the org-unit tree and the
 * aggregation of values up the tree and over time.
 */
import { defineMessages } from './define-messages.ts';

export const analyticsMessages = defineMessages('analytics', {
  'no-unit-at-index': {
    en: 'There is no org unit at index {{index}} in the tree.',
    'zh-CN': '组织树中没有序号为 {{index}} 的组织单元。',
  },
  'no-element-at-index': {
    en: 'There is no data element at index {{index}} in the cube.',
    'zh-CN': '数据立方中没有序号为 {{index}} 的数据元素。',
  },
  'no-month-at-index': {
    en: 'There is no month at index {{index}} in the cube.',
    'zh-CN': '数据立方中没有序号为 {{index}} 的月份。',
  },
  'period-not-of-type': {
    en: 'The period {{period}} is not a {{periodType}}, the period type of this cube.',
    'zh-CN': '期间 {{period}} 不是本数据立方体的期间类型（{{periodType}}）。',
  },
  'empty-pair': {
    en: 'Pair {{pair}} names no element.',
    'zh-CN': '配对 {{pair}} 未指定任何数据元素。',
  },
  'bad-pair-member': {
    en: 'Position {{position}} is not an element of the request, or belongs to another pair already.',
    'zh-CN': '位置 {{position}} 不是请求中的数据元素，或已属于另一个配对。',
  },
  'month-twice': {
    en: 'The month {{month}} is requested twice.',
    'zh-CN': '月份 {{month}} 被重复请求。',
  },
  'no-aggregation-rule': {
    en: "The data element '{{code}}' has no aggregation rule.",
    'zh-CN': '数据元素“{{code}}”没有汇总规则。',
  },
  'bad-aggregation-rule': {
    en: "The data element '{{code}}' has the aggregation {{rule}}; units must be sum or average, time sum, average, last or max.",
    'zh-CN':
      '数据元素“{{code}}”的汇总方式 {{rule}} 无效：按单元须为 sum 或 average，按时间须为 sum、average、last 或 max。',
  },
  'tree-invalid': { en: 'The org-unit tree is not valid.', 'zh-CN': '组织单元树无效。' },
  'unit-needs-code': { en: 'An org unit needs a code.', 'zh-CN': '组织单元须有代码。' },
  'unit-listed-twice': {
    en: "The org unit '{{code}}' is listed twice (first at {{first}}).",
    'zh-CN': '组织单元“{{code}}”重复出现（首次在第 {{first}} 项）。',
  },
  'unknown-parent': {
    en: "The parent '{{parent}}' of '{{code}}' is not an org unit.",
    'zh-CN': '“{{code}}”的上级“{{parent}}”不是组织单元。',
  },
  cycle: {
    en: 'The org units form a cycle: {{cycle}} (each is shown with its parent after it).',
    'zh-CN': '组织单元构成了循环：{{cycle}}（每个单元后面是它的上级）。',
  },
  'parent-count': {
    en: 'There are {{codes}} codes but {{parents}} parents.',
    'zh-CN': '有 {{codes}} 个代码，却有 {{parents}} 个上级。',
  },
  'bad-parent-index': {
    en: 'Unit {{unit}} has the parent {{parent}}, which is not another unit.',
    'zh-CN': '单元 {{unit}} 的上级为 {{parent}}，它不是另一个单元。',
  },
  'units-below-no-root': {
    en: '{{count}} units are not below any root: their parents form a cycle.',
    'zh-CN': '有 {{count}} 个单元不在任何根单元之下：它们的上级构成了循环。',
  },
  'months-not-consecutive': {
    en: "The cube's months must be consecutive months in order; {{month}} cannot follow {{previous}}.",
    'zh-CN': '数据立方的月份须按顺序连续；{{month}} 不能排在 {{previous}} 之后。',
  },
  'cells-wrong-length': {
    en: 'The cube was given {{cells}} cells; its shape has {{expected}}.',
    'zh-CN': '数据立方收到 {{cells}} 个单元格，但其形状应有 {{expected}} 个。',
  },
  'segments-wrong-lengths': {
    en: 'The cube was given segments of {{given}} cells; its shape needs segments of {{expected}}.',
    'zh-CN': '数据立方收到的分段单元格数为 {{given}}，但其形状需要的分段为 {{expected}}。',
  },
  'too-many-cells': {
    en: 'A cube of {{cells}} cells is larger than the {{max}} allowed.',
    'zh-CN': '数据立方有 {{cells}} 个单元格，超过上限 {{max}}。',
  },
  'value-not-finite': {
    en: 'A data value must be a finite number or null; got {{value}}.',
    'zh-CN': '数据值须为有限数字或 null；现为 {{value}}。',
  },
  'cell-outside': {
    en: 'The cell ({{unit}}, {{element}}, {{month}}) is outside the cube of {{units}} units × {{elements}} elements × {{months}} months.',
    'zh-CN':
      '单元格（{{unit}}, {{element}}, {{month}}）超出数据立方的范围（{{units}} 个单元 × {{elements}} 个数据元素 × {{months}} 个月）。',
  },
  'cube-no-unit': {
    en: "The cube has no org unit '{{code}}'.",
    'zh-CN': '数据立方中没有组织单元“{{code}}”。',
  },
  'cube-no-element': {
    en: "The cube has no data element '{{code}}'.",
    'zh-CN': '数据立方中没有数据元素“{{code}}”。',
  },
  'cube-no-month': {
    en: "The cube has no month '{{month}}': it covers {{first}} to {{last}}.",
    'zh-CN': '数据立方中没有月份“{{month}}”：它涵盖 {{first}} 至 {{last}}。',
  },
  'cube-no-months': {
    en: "The cube has no month '{{month}}': it covers no months.",
    'zh-CN': '数据立方中没有月份“{{month}}”：它不含任何月份。',
  },
  'cube-unit-needs-code': { en: "The cube's units need codes.", 'zh-CN': '数据立方的组织单元须有代码。' },
  'cube-element-needs-code': {
    en: "The cube's elements need codes.",
    'zh-CN': '数据立方的数据元素须有代码。',
  },
  'cube-unit-twice': {
    en: "The cube lists '{{code}}' twice in its units.",
    'zh-CN': '数据立方的组织单元中“{{code}}”出现了两次。',
  },
  'cube-element-twice': {
    en: "The cube lists '{{code}}' twice in its elements.",
    'zh-CN': '数据立方的数据元素中“{{code}}”出现了两次。',
  },
});
