/**
 * Scorecards and their files (core/scorecard, the scorecard services): the file's schema and meaning,
 * weights, the values file, the conversion from version 1, and the scorecard API's refusals.
 */
import { defineMessages } from './define-messages.ts';

export const scorecardMessages = defineMessages('scorecard', {
  // The file as a whole, and its schema
  'invalid-file': { en: 'The scorecard file is not valid.', 'zh-CN': '计分卡文件无效。' },
  'unknown-format': {
    en: 'unknown format: write healthbsc/scorecard@2 (healthbsc/scorecard@1 is still read)',
    'zh-CN': '未知格式：请写 healthbsc/scorecard@2（仍可读取 healthbsc/scorecard@1）',
  },
  'code-format': {
    en: 'must start with a letter or _ and hold only letters, digits, _ . -',
    'zh-CN': '须以字母或 _ 开头，且只含字母、数字及 _ . -',
  },
  'not-a-period': {
    en: "'{{value}}' is not a period: use 2024-03, 2024Q1 or 2024",
    'zh-CN': '“{{value}}”不是有效期间：请写 2024-03、2024Q1 或 2024',
  },
  'owner-email': {
    en: "must be a user's e-mail address (write a department or a name in ownerName)",
    'zh-CN': '须为用户的电子邮箱（部门或姓名请写在 ownerName 中）',
  },

  // Converting a version-1 file
  converted: {
    en: 'Converted from {{from}} to {{to}}.',
    'zh-CN': '已从 {{from}} 转换为 {{to}}。',
  },
  'v1-indicator-unit': {
    en: "The unit '{{unit}}' of {{ids}} is now '{{en}}' in English and '{{zh}}' in Chinese.",
    'zh-CN': '指标 {{ids}} 的单位“{{unit}}”已拆分为英文“{{en}}”和中文“{{zh}}”。',
  },
  'v1-indicator-unit-kept': {
    en: "The unit '{{unit}}' of {{ids}} has no known translation: it is kept as it is in both languages.",
    'zh-CN': '指标 {{ids}} 的单位“{{unit}}”没有已知译名，中英文均保留原文。',
  },
  'v1-element-unit': {
    en: "The unit '{{unit}}' of the data elements {{codes}} is now '{{en}}' in English and '{{zh}}' in Chinese.",
    'zh-CN': '数据元 {{codes}} 的单位“{{unit}}”已拆分为英文“{{en}}”和中文“{{zh}}”。',
  },
  'v1-element-unit-kept': {
    en: "The unit '{{unit}}' of the data elements {{codes}} has no known translation: it is kept as it is in both languages.",
    'zh-CN': '数据元 {{codes}} 的单位“{{unit}}”没有已知译名，中英文均保留原文。',
  },
  'v1-owner-name': {
    en: "The owner '{{owner}}' of {{ids}} is not an e-mail address: it moved to ownerName.",
    'zh-CN': '指标 {{ids}} 的负责人“{{owner}}”不是电子邮箱，已移至 ownerName。',
  },

  // Parts of the file and how they refer to each other
  'duplicate-data-element': { en: "duplicate data element '{{code}}'", 'zh-CN': '数据元“{{code}}”重复' },
  'duplicate-perspective': { en: "duplicate perspective '{{id}}'", 'zh-CN': '维度“{{id}}”重复' },
  'duplicate-indicator': { en: "duplicate indicator '{{id}}'", 'zh-CN': '指标“{{id}}”重复' },
  'duplicate-objective': { en: "duplicate objective '{{id}}'", 'zh-CN': '目标“{{id}}”重复' },
  'duplicate-validation-rule': { en: "duplicate validation rule '{{id}}'", 'zh-CN': '校验规则“{{id}}”重复' },
  'unknown-objective': {
    en: "'{{objective}}' is not an objective of perspective '{{perspective}}'",
    'zh-CN': '“{{objective}}”不是维度 {{perspective}} 的目标',
  },
  'unknown-indicator': { en: "unknown indicator '{{id}}'", 'zh-CN': '未知指标“{{id}}”' },
  'unknown-data-element': { en: "unknown data element '{{code}}'", 'zh-CN': '未知数据元“{{code}}”' },
  'unknown-link-end': {
    en: "'{{id}}' is neither an objective nor an indicator",
    'zh-CN': '“{{id}}”既不是目标也不是指标',
  },
  'ambiguous-link-end': {
    en: "'{{id}}' names both an objective and an indicator: rename one of them",
    'zh-CN': '“{{id}}”同时是目标和指标的编码，请重命名其中之一',
  },
  'link-to-itself': { en: "'{{id}}' is linked to itself", 'zh-CN': '“{{id}}”不能链接到自身' },
  'qualitative-scoring': {
    en: 'a qualitative indicator is scored by rubric',
    'zh-CN': '定性指标只能按评分标准（rubric）评分',
  },
  'qualitative-formula': {
    en: 'a qualitative indicator has no formula: raters score it',
    'zh-CN': '定性指标没有公式，由评分人打分',
  },
  'rubric-quantitative': {
    en: "'rubric' is for qualitative indicators",
    'zh-CN': '“rubric”评分只适用于定性指标',
  },
  'band-reversed': {
    en: "the band's lower bound {{lower}} is above its upper bound {{upper}}",
    'zh-CN': '区间下限 {{lower}} 高于上限 {{upper}}',
  },

  // Weights
  'ahp-matrix-or-experts': {
    en: "give exactly one of 'matrix' or 'experts'",
    'zh-CN': '“matrix”与“experts”须且只能给出其一',
  },
  'ahp-inconsistent': {
    en: "judgments are inconsistent: CR = {{cr}} ≥ {{threshold}} (revise the matrix; see 'healthbsc ahp' for suggestions)",
    'zh-CN': '判断不一致：CR = {{cr}} ≥ {{threshold}}（请修改判断矩阵；可用“healthbsc ahp”获得修改建议）',
  },
  'missing-weight': { en: "no weight for '{{id}}'", 'zh-CN': '“{{id}}”没有权重' },
  'weight-on-unscored': {
    en: "'{{id}}' is monitored, not scored (scored: false): it takes no weight",
    'zh-CN': '“{{id}}”为监测指标（scored: false），不计分，不能设置权重',
  },
  'perspective-only-monitored': {
    en: "perspective '{{perspective}}' holds only monitored indicators (scored: false), so it has no score: score at least one of them, or move them to a scored perspective",
    'zh-CN':
      '维度“{{perspective}}”只有监测指标（scored: false），没有得分：请至少让其中一个指标计分，或把它们移到计分的维度',
  },
  'not-weighed': { en: "'{{id}}' is not one of {{ids}}", 'zh-CN': '“{{id}}”不在 {{ids}} 之中' },
  'weights-sum': { en: 'weights add up to {{sum}}, not 1', 'zh-CN': '权重之和为 {{sum}}，而不是 1' },
  'order-duplicate': { en: "'{{id}}' appears twice", 'zh-CN': '“{{id}}”出现了两次' },
  'order-missing': { en: "'{{id}}' is missing from the order", 'zh-CN': '顺序中缺少“{{id}}”' },
  'matrix-size': {
    en: 'the matrix is {{size}}×{{size}} but {{expected}} items are weighed',
    'zh-CN': '判断矩阵为 {{size}}×{{size}}，但需要赋权的项目有 {{expected}} 个',
  },
  'not-a-perspective': { en: "'{{id}}' is not a perspective", 'zh-CN': '“{{id}}”不是维度' },
  'not-a-weight-group': {
    en: "'{{id}}' is neither a perspective nor an objective of a perspective weighed by objectives",
    'zh-CN': '“{{id}}”既不是维度，也不是按目标赋权的维度下的目标',
  },
  'no-perspective-weights': {
    en: "no weights for perspective '{{perspective}}'",
    'zh-CN': '维度“{{perspective}}”没有指标权重',
  },
  'no-objective-weights': {
    en: "no weights for the indicators of objective '{{objective}}'",
    'zh-CN': '目标“{{objective}}”下的指标没有权重',
  },
  'weighed-by-objectives': {
    en: "perspective '{{perspective}}' is weighed by objectives: give its indicators' weights per objective",
    'zh-CN': '维度“{{perspective}}”按目标赋权，请按目标分别给出其指标权重',
  },
  'indicator-without-objective': {
    en: "'{{id}}' has no objective, but perspective '{{perspective}}' is weighed by objectives",
    'zh-CN': '指标“{{id}}”没有所属目标，但维度“{{perspective}}”按目标赋权',
  },
  'objective-without-indicators': {
    en: "objective '{{objective}}' has no indicators to weigh",
    'zh-CN': '目标“{{objective}}”下没有可赋权的指标',
  },

  // Dated parts and what a release keeps without acting on it yet
  'period-too-short': {
    en: "'{{period}}' is shorter than the scorecard's period type ({{periodType}})",
    'zh-CN': '“{{period}}”短于计分卡的期间类型（{{periodType}}）',
  },
  'versions-do-not-combine': {
    en: "From {{period}} on, version {{version}} of '{{code}}' and its weight version {{weightVersion}} would score together, and they do not fit:",
    'zh-CN':
      '自 {{period}} 起，计分卡“{{code}}”的第 {{version}} 版结构将与第 {{weightVersion}} 版权重一起评分，但二者不匹配：',
  },
  'effective-from-mismatch': {
    en: 'the weights say they hold from {{file}}, the request from {{requested}}: give one period',
    'zh-CN': '权重自身注明自 {{file}} 起生效，请求却为自 {{requested}} 起：请只给出一个期间',
  },
  'version-out-of-order': {
    en: "'{{period}}' does not come after '{{previous}}': list versions oldest first, each starting later",
    'zh-CN': '“{{period}}”不晚于“{{previous}}”：版本须按时间先后排列，且起始期间逐个推后',
  },
  'unknown-outlier-per': {
    en: "'{{code}}' divides its values by '{{per}}' before comparing units, but no data element '{{per}}' is declared",
    'zh-CN': '数据元“{{code}}”在与同级单位比较前要除以“{{per}}”，但未声明数据元“{{per}}”',
  },

  // The values file of a scorecard kept as files
  'invalid-values-file': { en: 'The values file is not valid.', 'zh-CN': '数值文件无效。' },
  'values-for-other-scorecard': {
    en: "these values are for '{{given}}', not '{{code}}'",
    'zh-CN': '这些数值属于“{{given}}”，而不是“{{code}}”',
  },
  'value-below-min': {
    en: '{{value}} is below the minimum {{min}}',
    'zh-CN': '{{value}} 低于最小值 {{min}}',
  },
  'value-above-max': {
    en: '{{value}} is above the maximum {{max}}',
    'zh-CN': '{{value}} 高于最大值 {{max}}',
  },
  'value-not-integer': { en: '{{value}} is not a whole number', 'zh-CN': '{{value}} 不是整数' },
  'actual-of-qualitative': {
    en: "'{{id}}' is qualitative: give its ratings under 'assessments'",
    'zh-CN': '“{{id}}”是定性指标，请在“assessments”中给出评分',
  },
  'rating-of-quantitative': {
    en: "'{{id}}' is quantitative: give its value under 'data' or 'actuals'",
    'zh-CN': '“{{id}}”是定量指标，请在“data”或“actuals”中给出数值',
  },

  // The scorecard API
  'not-found': { en: "There is no scorecard '{{code}}'.", 'zh-CN': '没有计分卡“{{code}}”。' },
  exists: {
    en: "A scorecard '{{code}}' already exists; replace it with PUT /api/scorecards/{{code}}.",
    'zh-CN': '计分卡“{{code}}”已存在；如需替换，请使用 PUT /api/scorecards/{{code}}。',
  },
  'code-mismatch': {
    en: "The file's code '{{fileCode}}' is not the scorecard '{{code}}' it is sent to.",
    'zh-CN': '文件中的编码“{{fileCode}}”与目标计分卡“{{code}}”不符。',
  },
  'version-not-found': {
    en: "The scorecard '{{code}}' has no version {{version}}.",
    'zh-CN': '计分卡“{{code}}”没有第 {{version}} 版。',
  },
  'weight-version-not-found': {
    en: "The scorecard '{{code}}' has no weight version {{version}}.",
    'zh-CN': '计分卡“{{code}}”没有第 {{version}} 版权重。',
  },
  'no-stored-version': {
    en: "The scorecard '{{code}}' has no stored version.",
    'zh-CN': '计分卡“{{code}}”没有已保存的版本。',
  },
});
