/** Scoring: quantified values, status thresholds, rating bands and the composite (core/scoring). */
import { defineMessages } from './define-messages.ts';

export const scoringMessages = defineMessages('scoring', {
  'status-thresholds': {
    en: 'status thresholds need watch ≤ met, both numbers (given met {{met}}, watch {{watch}})',
    'zh-CN': '状态阈值须满足“关注”≤“达标”且均为数字（现为达标 {{met}}、关注 {{watch}}）',
  },
});
