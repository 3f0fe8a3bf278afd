import type { MessageLang } from '../../core/errors/messages/index.ts';

/**
 * The words of the tables printed by `ahp`, `weights`, `rank` and `sensitivity` in the product's two
 * languages (`--lang`, see lang.ts).
 */
const WORDS = {
  en: {
    ahpHeading: (method: string, table: string, threshold: number) =>
      `AHP: ${method} priorities, random index table ${table}, CR threshold ${threshold}`,
    group: (count: number, aggregation: string) => `Group of ${count} experts aggregated by ${aggregation}`,
    weight: 'weight',
    consistent: (threshold: number) => `Consistent (CR < ${threshold}).`,
    notConsistent: (threshold: number) => `NOT consistent (CR ≥ ${threshold}).`,
    repairsHeading: 'Most inconsistent judgments, and the value that would make each consistent:',
    repairHeader: ['judgment', 'current', 'consistent value', 'CR after', 'nearest on scale', 'CR after'],
    versus: 'vs',
    consensus: (s: string) => `Consensus S* = ${s} (1 = identical judgments, 0 = none)`,
    expert: 'expert',
    included: 'counted',
    yes: 'yes',
    no: 'no',
    choice: (kept: string, excluded: string) =>
      `Keeping the inconsistent experts gives CR ${kept}; excluding them gives ${excluded}.`,
    node: 'node',
    leaf: 'leaf',
    globalWeight: 'global weight',
    hierarchyConsensus: (s: string) => `Hierarchy consensus S* = ${s}`,
    unit: 'unit',
    criterion: 'criterion',
    closeness: 'closeness',
    rank: 'rank',
    rsr: 'RSR',
    probit: 'probit',
    class: 'class',
    mean: 'mean',
    p05: '5 %',
    p95: '95 %',
    rankProbabilityHeading: 'Probability of each rank (1 = best):',
    criticalHeading: 'Top-level weights: where another unit overtakes the top unit',
    current: 'current',
    critical: 'critical',
    overtakenBy: 'overtaken by',
    none: 'none in [0, 1]',
    draws: (draws: number, seed: number) => `${draws} draws, seed ${seed}`,
  },
  'zh-CN': {
    ahpHeading: (method: string, table: string, threshold: number) =>
      `层次分析法：${method} 求权，随机一致性指标表 ${table}，CR 阈值 ${threshold}`,
    group: (count: number, aggregation: string) => `${count} 位专家，按 ${aggregation} 汇总`,
    weight: '权重',
    consistent: (threshold: number) => `通过一致性检验（CR < ${threshold}）。`,
    notConsistent: (threshold: number) => `未通过一致性检验（CR ≥ ${threshold}）。`,
    repairsHeading: '最不一致的判断，以及使其一致的取值：',
    repairHeader: ['判断', '当前值', '一致取值', '修改后 CR', '最近标度值', '修改后 CR'],
    versus: '对',
    consensus: (s: string) => `共识指数 S* = ${s}（1 = 判断完全相同，0 = 毫无共识）`,
    expert: '专家',
    included: '计入',
    yes: '是',
    no: '否',
    choice: (kept: string, excluded: string) => `保留不一致专家时 CR 为 ${kept}；排除后为 ${excluded}。`,
    node: '节点',
    leaf: '末级要素',
    globalWeight: '总权重',
    hierarchyConsensus: (s: string) => `层次结构共识指数 S* = ${s}`,
    unit: '单位',
    criterion: '指标',
    closeness: '贴近度',
    rank: '排名',
    rsr: 'RSR',
    probit: '概率单位',
    class: '分档',
    mean: '均值',
    p05: '5%',
    p95: '95%',
    rankProbabilityHeading: '各排名的概率（1 = 最好）：',
    criticalHeading: '一级权重：其他单位超过第一名时的临界值',
    current: '当前',
    critical: '临界值',
    overtakenBy: '超越者',
    none: '[0, 1] 内无',
    draws: (draws: number, seed: number) => `模拟 ${draws} 次，种子 ${seed}`,
  },
} as const;

export type MethodWords = (typeof WORDS)['en'];

export function methodWords(lang: MessageLang | undefined): MethodWords {
  return WORDS[lang ?? 'en'] as MethodWords;
}
