/** The words of `healthbsc stats`' readable table, in the product's two languages. */
import type { StatsTestName } from '../../core/contracts/stats-input.ts';
import type { MessageLang } from '../../core/errors/messages/index.ts';

const WORDS = {
  en: {
    tests: {
      'two-proportion': 'Two-proportion test (as R prop.test)',
      'chi-square': 'Pearson χ² test (as R chisq.test)',
      fisher: "Fisher's exact test (as R fisher.test)",
      'poisson-rate': 'Exact comparison of two Poisson rates (as R poisson.test)',
      welch: 'Welch two-sample t test (as R t.test)',
      'mann-whitney': 'Wilcoxon–Mann–Whitney rank-sum test (as R wilcox.test)',
      'mann-kendall': "Mann–Kendall trend test with Sen's slope",
      its: 'Interrupted time series, Newey–West standard errors',
      bh: 'Benjamini–Hochberg adjusted p-values',
    } satisfies Record<StatsTestName, string>,
    quantity: 'quantity',
    value: 'value',
    keys: {
      statistic: 'statistic',
      p: 'p-value (two-sided)',
      pPair: 'p-values (level, slope; two-sided)',
      ci: '95 % confidence interval',
      oddsRatio: 'odds ratio (conditional MLE)',
      rateRatio: 'rate ratio',
      senSlope: "Sen's slope",
      levelChange: 'level change',
      slopeChange: 'slope change',
      se: 'standard errors (level, slope)',
      adjusted: 'adjusted p-values',
    },
    ciAt: (percent: string) => `${percent} % confidence interval`,
  },
  'zh-CN': {
    tests: {
      'two-proportion': '两样本率比较（同 R prop.test）',
      'chi-square': 'Pearson χ² 检验（同 R chisq.test）',
      fisher: 'Fisher 确切概率法（同 R fisher.test）',
      'poisson-rate': '两个 Poisson 率的精确比较（同 R poisson.test）',
      welch: 'Welch 两样本 t 检验（同 R t.test）',
      'mann-whitney': 'Wilcoxon–Mann–Whitney 秩和检验（同 R wilcox.test）',
      'mann-kendall': 'Mann–Kendall 趋势检验与 Sen 斜率',
      its: '间断时间序列（Newey–West 标准误）',
      bh: 'Benjamini–Hochberg 校正 P 值',
    } satisfies Record<StatsTestName, string>,
    quantity: '项目',
    value: '数值',
    keys: {
      statistic: '检验统计量',
      p: 'P 值（双侧）',
      pPair: 'P 值（水平，斜率；双侧）',
      ci: '95% 置信区间',
      oddsRatio: '比值比（条件最大似然估计）',
      rateRatio: '率比',
      senSlope: 'Sen 斜率',
      levelChange: '水平变化',
      slopeChange: '斜率变化',
      se: '标准误（水平，斜率）',
      adjusted: '校正后 P 值',
    },
    ciAt: (percent: string) => `${percent}% 置信区间`,
  },
} as const;

export function statsWords(lang: MessageLang) {
  return WORDS[lang];
}
