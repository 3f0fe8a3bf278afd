/** Scoring: quantified values, status thresholds, rating bands and the composite (core/scoring). */
import { defineMessages } from './define-messages.ts';

export const scoringMessages = defineMessages('scoring', {
  'status-thresholds': {
    en: 'status thresholds need watch ≤ met, both numbers (given met {{met}}, watch {{watch}})',
    'zh-CN': '状态阈值须满足“关注”≤“达标”且均为数字（现为达标 {{met}}、关注 {{watch}}）',
  },
  'cannot-score': { en: 'The scorecard cannot be scored.', 'zh-CN': '无法为该计分卡评分。' },
  'no-perspectives': { en: 'Give at least one perspective.', 'zh-CN': '请至少提供一个维度。' },
  'perspective-id-twice': {
    en: 'The perspective id "{{id}}" is used twice.',
    'zh-CN': '维度 id“{{id}}”重复使用。',
  },
  'indicator-id-twice': {
    en: 'The indicator id "{{id}}" is used twice.',
    'zh-CN': '指标 id“{{id}}”重复使用。',
  },
  'weight-negative': {
    en: 'A weight must be a number of 0 or more; got {{weight}}.',
    'zh-CN': '权重须为不小于 0 的数；现为 {{weight}}。',
  },
  'quantified-negative': {
    en: 'A quantified value must be a number of 0 or more, or null; got {{value}}.',
    'zh-CN': '量化值须为不小于 0 的数或 null；现为 {{value}}。',
  },
  'perspective-no-weight': {
    en: 'A perspective needs indicators whose weights add up to more than 0.',
    'zh-CN': '每个维度的指标权重之和须大于 0。',
  },
  'perspectives-no-weight': {
    en: 'The perspective weights must add up to more than 0.',
    'zh-CN': '各维度的权重之和须大于 0。',
  },
  'method-unusable': {
    en: 'The scoring method cannot be used with this indicator.',
    'zh-CN': '该计分方法不适用于此指标。',
  },
  'actual-not-finite': {
    en: 'The actual value must be a finite number or null; got {{value}}.',
    'zh-CN': '实际值须为有限数字或 null；现为 {{value}}。',
  },
  'target-not-finite': {
    en: 'The target value must be a finite number or null; got {{value}}.',
    'zh-CN': '目标值须为有限数字或 null；现为 {{value}}。',
  },
  'score-not-finite': {
    en: 'A score must be a finite number; got {{score}}.',
    'zh-CN': '得分须为有限数字；现为 {{score}}。',
  },
  'score-below-bands': {
    en: 'The score {{score}} is below every rating band.',
    'zh-CN': '得分 {{score}} 低于所有评级档次。',
  },
  'no-bands': { en: 'Give at least one rating band.', 'zh-CN': '请至少提供一个评级档次。' },
  'band-needs-code': { en: 'A band needs a code.', 'zh-CN': '评级档次须有代码。' },
  'band-code-twice': {
    en: 'The code "{{code}}" is already used by band {{band}}.',
    'zh-CN': '代码“{{code}}”已被第 {{band}} 档使用。',
  },
  'band-needs-label': { en: 'A band needs an English label.', 'zh-CN': '评级档次须有英文名称。' },
  'band-min-not-number': {
    en: 'min must be a number; got {{min}}.',
    'zh-CN': 'min 须为数字；现为 {{min}}。',
  },
  'band-min-twice': {
    en: 'The min {{min}} is already used by band {{band}}.',
    'zh-CN': '下限 {{min}} 已被第 {{band}} 档使用。',
  },
  'bands-order': {
    en: 'List the bands from the highest min to the lowest.',
    'zh-CN': '请按下限从高到低列出各档次。',
  },
  'lowest-band-above-zero': {
    en: 'The lowest band must start at 0 or below so that every score gets a band; it starts at {{lowest}}.',
    'zh-CN': '最低档的下限须不大于 0，才能让每个得分都有档次；现为 {{lowest}}。',
  },
  'rating-out-of-range': {
    en: 'A rating must be a number from 0 to {{max}}; got {{rating}}.',
    'zh-CN': '评分须为 0 至 {{max}} 之间的数；现为 {{rating}}。',
  },
  'cap-not-positive': {
    en: 'The cap must be a number above 0 (or null for none); got {{cap}}.',
    'zh-CN': '上限须为大于 0 的数（不设上限时为 null）；现为 {{cap}}。',
  },
  'band-direction-edges': {
    en: 'The direction band needs finite lower and upper edges.',
    'zh-CN': '区间方向须有有限的下限和上限。',
  },
  'band-direction-reversed': {
    en: "The direction band's lower edge ({{lower}}) is above its upper edge ({{upper}}).",
    'zh-CN': '区间方向的下限（{{lower}}）高于上限（{{upper}}）。',
  },
  'rule-end-not-finite': {
    en: '{{end}} must be a finite number or left out; got {{value}}.',
    'zh-CN': '{{end}} 须为有限数字或留空；现为 {{value}}。',
  },
  'rule-min-not-below-max': {
    en: "The rule's min ({{min}}) must be below its max ({{max}}).",
    'zh-CN': '规则的下限（{{min}}）须小于上限（{{max}}）。',
  },
  'rule-score-negative': {
    en: 'A score must be a number of 0 or more; got {{score}}.',
    'zh-CN': '得分须为不小于 0 的数；现为 {{score}}。',
  },
  'no-rules': {
    en: 'The thresholds method needs at least one rule.',
    'zh-CN': '阈值法至少需要一条规则。',
  },
  'rules-overlap': { en: 'The rule overlaps rule {{other}}.', 'zh-CN': '该规则与第 {{other}} 条规则重叠。' },
  'rules-order': {
    en: 'List the rules in ascending or descending order of their ranges.',
    'zh-CN': '请按区间升序或降序列出各规则。',
  },
  'floor-not-finite': {
    en: 'The floor must be a finite number; got {{floor}}.',
    'zh-CN': '下限值须为有限数字；现为 {{floor}}。',
  },
  'linear-needs-direction': {
    en: 'The linear method needs a higher or lower direction; use the band method for a band.',
    'zh-CN': '线性法须用于“越高越好”或“越低越好”的指标；区间指标请用区间法。',
  },
  'floor-not-below-target': {
    en: 'For a higher-is-better indicator the floor ({{floor}}) must be below the target ({{target}}).',
    'zh-CN': '对于越高越好的指标，下限值（{{floor}}）须低于目标值（{{target}}）。',
  },
  'floor-not-above-target': {
    en: 'For a lower-is-better indicator the floor ({{floor}}) must be above the target ({{target}}).',
    'zh-CN': '对于越低越好的指标，下限值（{{floor}}）须高于目标值（{{target}}）。',
  },
  'band-needs-band-direction': {
    en: 'The band method needs a band direction; this indicator is {{direction}}.',
    'zh-CN': '区间法须用于方向为区间（band）的指标；该指标的方向为 {{direction}}。',
  },
  'tolerance-not-positive': {
    en: 'The tolerance must be a number above 0; got {{tolerance}}.',
    'zh-CN': '容差须为大于 0 的数；现为 {{tolerance}}。',
  },
  'unknown-method': {
    en: 'Unknown scoring method {{method}}.',
    'zh-CN': '未知的计分方法 {{method}}。',
  },
});
