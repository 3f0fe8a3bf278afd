/**
 * A request that names a scorecard or one of its indicators that does not exist (targets, assessments,
 * reported values, approvals and evaluations refer to scorecards by code).
 */
import { defineMessages } from './define-messages.ts';

export const referenceMessages = defineMessages('reference', {
  'scorecard-not-found': { en: "There is no scorecard '{{code}}'.", 'zh-CN': '没有计分卡“{{code}}”。' },
  'unknown-scorecard': { en: "there is no scorecard '{{code}}'", 'zh-CN': '没有计分卡“{{code}}”' },
  'not-an-indicator': {
    en: "'{{indicator}}' is not an indicator of '{{scorecard}}'",
    'zh-CN': '“{{indicator}}”不是计分卡“{{scorecard}}”的指标',
  },
});
