/** Targets of an indicator for a scope and period (server/services/targets.service.ts, contracts/targets.ts). */
import { defineMessages } from './define-messages.ts';

export const targetMessages = defineMessages('target', {
  'batch-invalid': {
    en: 'Some targets cannot be stored; nothing was stored.',
    'zh-CN': '部分目标值无法保存；未保存任何数据。',
  },
  'not-found': { en: 'There is no such target.', 'zh-CN': '没有这样的目标值。' },
  qualitative: {
    en: "'{{indicator}}' is qualitative: raters score it, it has no target",
    'zh-CN': '“{{indicator}}”是定性指标：由评分人打分，没有目标值',
  },
  'band-incomplete': {
    en: 'a band needs both lower and upper',
    'zh-CN': '区间须同时有下限（lower）和上限（upper）',
  },
  'band-reversed': {
    en: 'lower {{lower}} is above upper {{upper}}',
    'zh-CN': '下限 {{lower}} 高于上限 {{upper}}',
  },
  'no-figure': {
    en: 'give a target, or both lower and upper (a band)',
    'zh-CN': '请给出目标值（target），或同时给出下限和上限（区间）',
  },
  duplicate: {
    en: 'the same target as targets[{{first}}]',
    'zh-CN': '与 targets[{{first}}] 是同一个目标值',
  },
  'one-scope': {
    en: 'give at most one of orgUnit, orgUnitGroup, level (none: every unit)',
    'zh-CN': 'orgUnit、orgUnitGroup、level 最多只能给出一项（都不给：适用于所有单元）',
  },
});
