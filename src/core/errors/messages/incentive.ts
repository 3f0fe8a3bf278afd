/** Incentive allocation (src/core/incentives, src/server/incentives): a pool shared by published scores. */
import { defineMessages } from './define-messages.ts';

export const incentiveMessages = defineMessages('incentive', {
  'pool-not-multiple': {
    en: 'the pool ({{pool}}) is not a whole number of rounding units ({{unit}}): the shares could not add up to it',
    'zh-CN': '奖金池（{{pool}}）不是取整单位（{{unit}}）的整数倍：各单位金额无法恰好合计为奖金池',
  },
  'bound-not-multiple': {
    en: 'the floor or cap ({{amount}}) is not a whole number of rounding units ({{unit}})',
    'zh-CN': '保底或封顶金额（{{amount}}）不是取整单位（{{unit}}）的整数倍',
  },
  'floor-above-cap': {
    en: 'the floor ({{floor}}) is above the cap ({{cap}})',
    'zh-CN': '保底金额（{{floor}}）高于封顶金额（{{cap}}）',
  },
  'floors-above-pool': {
    en: 'the floors of the {{units}} eligible units add up to {{floors}}, more than the pool ({{pool}})',
    'zh-CN': '{{units}} 个参与分配单位的保底金额合计 {{floors}}，超过奖金池（{{pool}}）',
  },
  'caps-below-pool': {
    en: 'the caps of the {{units}} eligible units add up to {{caps}}, less than the pool ({{pool}}): part of it could not be paid',
    'zh-CN': '{{units}} 个参与分配单位的封顶金额合计 {{caps}}，低于奖金池（{{pool}}）：奖金池无法全部分配',
  },
  'no-eligible-unit': {
    en: 'no unit reaches the threshold ({{threshold}}) with a published score: nobody could receive the pool',
    'zh-CN': '没有单位的已发布得分达到门槛（{{threshold}}）：奖金池无人可分',
  },
  'no-weight': {
    en: 'every eligible unit has a score × base of zero: the pool cannot be shared in proportion',
    'zh-CN': '所有参与分配单位的“得分 × 基数”均为零：无法按比例分配奖金池',
  },
  'base-missing': {
    en: 'unit {{unit}} has no base (headcount or coefficient, zero or more): give one for every unit sharing the pool',
    'zh-CN': '单位 {{unit}} 没有分配基数（人数或系数，不小于零）：请为每个参与分配的单位填写',
  },
  'unit-not-sharing': {
    en: 'unit {{unit}} is not among the units sharing the pool',
    'zh-CN': '单位 {{unit}} 不在分配奖金池的单位之列',
  },
  'unpublished-period': {
    en: 'scorecard {{scorecard}} has no published score for {{orgUnit}} in {{period}}: publish it first; an allocation is made only from published scores',
    'zh-CN':
      '计分卡 {{scorecard}} 尚未发布 {{orgUnit}} 在 {{period}} 的得分：请先发布；奖金只按已发布的得分分配',
  },
  'no-units': {
    en: '{{orgUnit}} has no units under it to share the pool',
    'zh-CN': '{{orgUnit}} 下没有可分配奖金池的单位',
  },
  'reason-required': {
    en: 'this pool was allocated before (allocation {{id}}, {{createdAt}}, by {{createdBy}}): say why it is allocated again; the earlier allocation is kept',
    'zh-CN':
      '该奖金池此前已分配（第 {{id}} 号分配，{{createdAt}}，编制人 {{createdBy}}）：请说明重新分配的原因；此前的分配会保留',
  },
  'not-found': { en: 'There is no allocation {{id}}.', 'zh-CN': '不存在编号为 {{id}} 的奖金分配。' },
  'own-approval': {
    en: 'allocation {{id}} was prepared by you: a second person must approve it',
    'zh-CN': '第 {{id}} 号奖金分配由您本人编制：须由另一人审批',
  },
  'already-approved': {
    en: 'allocation {{id}} was approved on {{approvedAt}} by {{approvedBy}}: it is frozen; restate it with a reason',
    'zh-CN':
      '第 {{id}} 号奖金分配已于 {{approvedAt}} 由 {{approvedBy}} 审批：已冻结；如需更改请说明原因后重述',
  },
  'not-approved': {
    en: 'allocation {{id}} is not approved: only an approved allocation is restated or exported as final',
    'zh-CN': '第 {{id}} 号奖金分配尚未审批：只有已审批的分配可以重述或作为定稿导出',
  },
  superseded: {
    en: 'allocation {{id}} was restated by allocation {{by}}: restate the latest one',
    'zh-CN': '第 {{id}} 号奖金分配已被第 {{by}} 号重述：请重述最新的分配',
  },
});
