/**
 * Statistical monitoring (core/monitoring, server/monitoring): control charts with a series, funnel plots and
 * forecasts to target.
 */
import { defineMessages } from './define-messages.ts';

export const monitoringMessages = defineMessages('monitoring', {
  'month-format': { en: 'a month such as 2024-03', 'zh-CN': '月份格式应如 2024-03' },
  'baseline-outside': {
    en: 'The control-chart baseline must end at a period of the series ({{from}} to {{to}}); {{baselineTo}} is not one.',
    'zh-CN': '控制图的基线必须止于序列中的某个期间（{{from}} 至 {{to}}）；{{baselineTo}} 不在其中。',
  },
});
