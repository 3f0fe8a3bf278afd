/**
 * The generated demo medical group (src/demo). Apart from the seed, these are faults of the generator itself
 * (a series or a calibration target it should have), reported as internal problems.
 */
import { defineMessages } from './define-messages.ts';

export const demoMessages = defineMessages('demo', {
  'seed-out-of-range': {
    en: 'seed must be an integer from 0 to 4294967295',
    'zh-CN': 'seed 须为 0 至 4294967295 之间的整数',
  },
  'no-series': {
    en: 'no {{element}} series for {{orgUnit}}',
    'zh-CN': '没有 {{orgUnit}} 的 {{element}} 序列',
  },
  'no-seed-change': {
    en: 'no seed-000 change for {{indicator}} ({{scope}})',
    'zh-CN': '没有 {{indicator}}（{{scope}}）的 seed-000 变化率',
  },
  'target-not-count': {
    en: 'calibration target {{target}} is not a count',
    'zh-CN': '校准目标 {{target}} 不是计数',
  },
  'series-sum-zero': {
    en: 'cannot rescale series that sum to 0',
    'zh-CN': '无法缩放总和为 0 的序列',
  },
  'target-above-caps': {
    en: "calibration target {{target}} exceeds the caps' total {{total}}",
    'zh-CN': '校准目标 {{target}} 超过上限之和 {{total}}',
  },
  'unknown-data-element': {
    en: 'unknown data element {{code}}',
    'zh-CN': '未知的数据元素 {{code}}',
  },
  'unknown-indicator': {
    en: 'unknown indicator {{code}}',
    'zh-CN': '未知的指标 {{code}}',
  },
});
