/** Indicator values reported as they are, not computed (server/services/reported-values.service.ts). */
import { defineMessages } from './define-messages.ts';

export const reportedValueMessages = defineMessages('reported-value', {
  'batch-invalid': {
    en: 'Some values cannot be stored; nothing was stored.',
    'zh-CN': '部分上报值无法保存；未保存任何数据。',
  },
  duplicate: {
    en: 'the same value as values[{{first}}]',
    'zh-CN': '与 values[{{first}}] 是同一个上报值',
  },
  qualitative: {
    en: "'{{indicator}}' is qualitative: raters score it, it has no reported value",
    'zh-CN': '“{{indicator}}”是定性指标：由评分人打分，没有上报值',
  },
});
