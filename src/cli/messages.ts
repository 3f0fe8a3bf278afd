import type { MessageLang } from '../core/errors/messages/index.ts';

/** The evaluate table's labels in the product's two languages (`--lang`, see lang.ts). */
export type Lang = MessageLang;

const MESSAGES = {
  en: {
    id: 'id',
    item: 'perspective / indicator',
    weight: 'weight',
    actual: 'actual',
    target: 'target',
    quantified: 'quantified',
    score: 'score',
    perspective: 'perspective',
    rated: 'rated',
    total: 'Total V',
    rating: 'Rating',
    coverage: (percent: string) => `Coverage: ${percent} % of the weight has data`,
    differ: (source: string) => `Where the published figures (${source}) differ:`,
  },
  'zh-CN': {
    id: '编码',
    item: '维度 / 指标',
    weight: '权重',
    actual: '实际值',
    target: '目标值',
    quantified: '量化值',
    score: '得分',
    perspective: '维度得分',
    rated: '评分',
    total: '综合得分 V',
    rating: '评级',
    coverage: (percent: string) => `数据覆盖：${percent}% 的权重有数据`,
    differ: (source: string) => `与已发表数据（${source}）不同之处：`,
  },
} as const;

export function messages(lang: Lang) {
  return MESSAGES[lang];
}
