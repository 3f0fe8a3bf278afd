/**
 * The words of a report (cover, section titles, column headers, notes) in the product's two languages, side by
 * side as core/errors/messages words problems, so a report never exists in one language only. Templates use the
 * same `{{name}}` placeholders, filled by `formatMessage`'s rule.
 */
import type { MessageLang } from '../errors/messages/define-messages.ts';

interface Words {
  readonly en: string;
  readonly 'zh-CN': string;
}

export const REPORT_WORDS = {
  title: { en: 'Performance evaluation report', 'zh-CN': '绩效评价报告' },
  groupTitle: { en: 'Group performance report', 'zh-CN': '集团绩效报告' },
  draft: { en: 'DRAFT — not published', 'zh-CN': '草稿——未发布' },
  draftNote: {
    en: 'This period is not published: the figures are computed from today’s data and may change.',
    'zh-CN': '本期尚未发布：数据按当前数据计算，可能变化。',
  },
  published: {
    en: 'Published {{at}} by {{by}} (publication {{id}})',
    'zh-CN': '由 {{by}} 于 {{at}} 发布（发布编号 {{id}}）',
  },
  page: { en: 'Page {{page}} of {{pages}}', 'zh-CN': '第 {{page}} 页，共 {{pages}} 页' },
  scorecard: { en: 'Scorecard', 'zh-CN': '计分卡' },
  orgUnit: { en: 'Unit', 'zh-CN': '单位' },
  period: { en: 'Period', 'zh-CN': '期间' },
  generated: { en: 'Generated', 'zh-CN': '生成时间' },
  summary: { en: 'Summary', 'zh-CN': '摘要' },
  total: { en: 'Composite score V', 'zh-CN': '综合得分 V' },
  rating: { en: 'Rating', 'zh-CN': '评级' },
  rank: { en: 'Rank among peers', 'zh-CN': '同级排名' },
  rankOf: { en: '{{rank}} of {{count}}', 'zh-CN': '第 {{rank}} 名 / 共 {{count}} 家' },
  coverage: { en: 'Weight with data', 'zh-CN': '有数据的权重占比' },
  insufficient: { en: 'insufficient data', 'zh-CN': '数据不足' },
  weights: { en: 'Weights', 'zh-CN': '权重' },
  weightsOf: { en: 'Weights: {{name}}', 'zh-CN': '权重：{{name}}' },
  dimensions: { en: 'Perspectives', 'zh-CN': '维度' },
  item: { en: 'Item', 'zh-CN': '项目' },
  weight: { en: 'Weight', 'zh-CN': '权重' },
  ahpCheck: {
    en: 'AHP: λmax = {{lambdaMax}}, CI = {{ci}}, RI = {{ri}}, CR = {{cr}} ({{verdict}})',
    'zh-CN': '层次分析法：λmax = {{lambdaMax}}，CI = {{ci}}，RI = {{ri}}，CR = {{cr}}（{{verdict}}）',
  },
  consistent: { en: 'consistent, CR < {{threshold}}', 'zh-CN': '通过一致性检验，CR < {{threshold}}' },
  inconsistent: { en: 'not consistent, CR ≥ {{threshold}}', 'zh-CN': '未通过一致性检验，CR ≥ {{threshold}}' },
  manualWeights: { en: 'Weights set by hand.', 'zh-CN': '权重为人工设定。' },
  indicatorsOf: { en: 'Indicators: {{name}}', 'zh-CN': '指标：{{name}}' },
  indicator: { en: 'Indicator', 'zh-CN': '指标' },
  actual: { en: 'Actual', 'zh-CN': '实际值' },
  target: { en: 'Target', 'zh-CN': '目标值' },
  reference: { en: 'Reference', 'zh-CN': '参考值' },
  quantified: { en: 'Quantified', 'zh-CN': '量化值' },
  weightedScore: { en: 'Weighted score', 'zh-CN': '加权得分' },
  status: { en: 'Status', 'zh-CN': '状态' },
  changePrevious: { en: 'Δ previous ({{period}})', 'zh-CN': '较上期（{{period}}）' },
  changeYear: { en: 'Δ year before ({{period}})', 'zh-CN': '较上年同期（{{period}}）' },
  perspectiveScore: { en: 'Score of the perspective: {{score}}', 'zh-CN': '维度得分：{{score}}' },
  scores: { en: 'Perspective scores and the composite', 'zh-CN': '各维度得分与综合得分' },
  perspective: { en: 'Perspective', 'zh-CN': '维度' },
  score: { en: 'Score', 'zh-CN': '得分' },
  contribution: { en: 'Contribution', 'zh-CN': '贡献' },
  composite: { en: 'Composite V', 'zh-CN': '综合得分 V' },
  charts: { en: 'Charts', 'zh-CN': '图表' },
  radar: { en: 'Perspective scores (radar)', 'zh-CN': '维度得分雷达图' },
  bars: { en: 'Perspective scores', 'zh-CN': '维度得分' },
  trend: { en: 'Composite score over time', 'zh-CN': '综合得分趋势' },
  attention: { en: 'Indicators needing attention', 'zh-CN': '需关注的指标' },
  action: { en: 'Action', 'zh-CN': '改进措施' },
  noActions: {
    en: 'No improvement actions are recorded for these indicators.',
    'zh-CN': '尚未为这些指标记录改进措施。',
  },
  noAttention: { en: 'Every indicator meets its target.', 'zh-CN': '所有指标均达到目标。' },
  quality: { en: 'Data-quality notes', 'zh-CN': '数据质量说明' },
  noQuality: { en: 'No data-quality notes.', 'zh-CN': '无数据质量问题。' },
  qualityCoverage: {
    en: '{{share}} of the weight has data; the minimum is {{minimum}}.',
    'zh-CN': '有数据的权重占比 {{share}}；最低要求 {{minimum}}。',
  },
  qualityNoData: { en: '{{indicator}}: no data for the period.', 'zh-CN': '{{indicator}}：本期无数据。' },
  qualityLeftOut: {
    en: '{{indicator}}: units left out of the roll-up: {{units}}.',
    'zh-CN': '{{indicator}}：未纳入汇总的单位：{{units}}。',
  },
  qualityUnapproved: {
    en: 'Published with unapproved data for: {{periods}}.',
    'zh-CN': '发布时以下期间数据尚未审核：{{periods}}。',
  },
  method: { en: 'Where the method differs from the published source', 'zh-CN': '与已发表来源的方法差异' },
  methodSource: { en: 'Source: {{source}}', 'zh-CN': '来源：{{source}}' },
  figure: { en: 'Figure', 'zh-CN': '数值项' },
  publishedFigure: { en: 'Published', 'zh-CN': '已发表' },
  computed: { en: 'Computed', 'zh-CN': '计算值' },
  why: { en: 'Why', 'zh-CN': '原因' },
  'figure.total': { en: 'total', 'zh-CN': '总分' },
  'figure.perspective score': { en: 'perspective score', 'zh-CN': '维度得分' },
  'figure.weight': { en: 'weight', 'zh-CN': '权重' },
  'figure.quantified value': { en: 'quantified value', 'zh-CN': '量化值' },
  'status.met': { en: 'met', 'zh-CN': '达标' },
  'status.watch': { en: 'watch', 'zh-CN': '关注' },
  'status.off-track': { en: 'off track', 'zh-CN': '未达标' },
  'status.no-data': { en: 'no data', 'zh-CN': '无数据' },
  ranking: { en: 'Ranking of units', 'zh-CN': '单位排名' },
  unit: { en: 'Unit', 'zh-CN': '单位' },
  heatmap: { en: 'Perspective scores by unit', 'zh-CN': '各单位维度得分' },
  headVsBranches: { en: 'Head hospital and branches', 'zh-CN': '总院与分院' },
  head: { en: 'Head hospital', 'zh-CN': '总院' },
  branches: { en: 'Branches (mean)', 'zh-CN': '分院（平均）' },
  units: { en: 'Units', 'zh-CN': '单位数' },
  difference: { en: 'Difference', 'zh-CN': '差值' },
  actionLine: { en: '{{title}} ({{status}}, due {{due}})', 'zh-CN': '{{title}}（{{status}}，{{due}} 到期）' },
  'actionStatus.planned': { en: 'planned', 'zh-CN': '计划中' },
  'actionStatus.in-progress': { en: 'in progress', 'zh-CN': '进行中' },
  'actionStatus.done': { en: 'done', 'zh-CN': '已完成' },
  'actionStatus.dropped': { en: 'dropped', 'zh-CN': '已放弃' },
} as const satisfies Record<string, Words>;

export type ReportWord = keyof typeof REPORT_WORDS;

/**
 * A report word in `lang`, its `{{name}}` placeholders filled from `params`.
 *
 * @example reportWord('rankOf', 'en', { rank: 2, count: 5 }) // '2 of 5'
 */
export function reportWord(
  key: ReportWord,
  lang: MessageLang,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return REPORT_WORDS[key][lang].replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
