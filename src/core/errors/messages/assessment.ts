/** Raters' scores of qualitative indicators (server/services/assessments.service.ts). */
import { defineMessages } from './define-messages.ts';

export const assessmentMessages = defineMessages('assessment', {
  'batch-invalid': {
    en: 'Some assessments cannot be stored; nothing was stored.',
    'zh-CN': '部分评分无法保存；未保存任何数据。',
  },
  duplicate: {
    en: 'the same assessment as assessments[{{first}}]',
    'zh-CN': '与 assessments[{{first}}] 是同一项评分',
  },
  quantitative: {
    en: "'{{indicator}}' is quantitative: its value comes from data, not from raters",
    'zh-CN': '“{{indicator}}”是定量指标：其值来自数据，而不是评分人',
  },
});
