/** Data elements, the raw measures a hospital collects (server/services/data-elements.service.ts). */
import { defineMessages } from './define-messages.ts';

export const dataElementMessages = defineMessages('data-element', {
  'not-found': { en: "There is no data element '{{code}}'.", 'zh-CN': '没有数据元素“{{code}}”。' },
  'not-found-many': {
    en: 'There is no data element {{codes}}.',
    'zh-CN': '没有以下数据元素：{{codes}}。',
  },
  unknown: { en: "there is no data element '{{code}}'", 'zh-CN': '没有数据元素“{{code}}”' },
  exists: { en: "A data element '{{code}}' already exists.", 'zh-CN': '数据元素“{{code}}”已存在。' },
  'min-above-max': {
    en: 'min {{min}} is above max {{max}}.',
    'zh-CN': '最小值 {{min}} 大于最大值 {{max}}。',
  },
  'has-value': {
    en: "The data element '{{code}}' has 1 stored value; delete it first.",
    'zh-CN': '数据元素“{{code}}”还存有 1 个数据值；请先删除该值。',
  },
  'has-values': {
    en: "The data element '{{code}}' has {{count}} stored values; delete them first.",
    'zh-CN': '数据元素“{{code}}”还存有 {{count}} 个数据值；请先删除这些值。',
  },
  'declared-by-scorecard': {
    en: "The data element '{{code}}' is declared by the scorecard {{scorecards}}.",
    'zh-CN': '数据元素“{{code}}”被计分卡 {{scorecards}} 声明使用。',
  },
  'declared-by-scorecards': {
    en: "The data element '{{code}}' is declared by the scorecards {{scorecards}}.",
    'zh-CN': '数据元素“{{code}}”被以下计分卡声明使用：{{scorecards}}。',
  },
  'no-change': {
    en: 'give at least one field to change',
    'zh-CN': '请至少提供一个要修改的字段',
  },
});
