/**
 * Why a row of an imported file was refused: one wording per row error code of the import report
 * (`importErrorCodeSchema` in core/contracts/import.ts). A row error carries the short code (`non-numeric`)
 * and its parameters; its words are the code `import-row.<code>` (`t('problems.import-row.' + code, params)`),
 * and its English `reason` is derived from the same wording.
 */
import { defineMessages } from './define-messages.ts';

export const importRowMessages = defineMessages('import-row', {
  'unknown-org-unit': { en: 'unknown org unit "{{value}}"', 'zh-CN': '未知的机构“{{value}}”' },
  'unknown-period': {
    en: 'not a period: write 2024-03 (month), 2024Q1 (quarter) or 2024 (year)',
    'zh-CN': '不是有效的期间：请写成 2024-03（月）、2024Q1（季度）或 2024（年）',
  },
  'unknown-data-element': { en: 'unknown data element "{{value}}"', 'zh-CN': '未知的数据元“{{value}}”' },
  'unknown-indicator': { en: 'unknown indicator "{{value}}"', 'zh-CN': '未知的指标“{{value}}”' },
  'unknown-scorecard': { en: 'unknown scorecard "{{value}}"', 'zh-CN': '未知的计分卡“{{value}}”' },
  'wrong-indicator-kind': {
    en: '{{indicator}} is the wrong kind of indicator for this file: qualitative indicators are rated, quantitative ones take values and targets',
    'zh-CN': '指标 {{indicator}} 的类型不适用于此文件：定性指标用于评分，定量指标用于填报数值和目标值',
  },
  'non-numeric': {
    en: 'non-numeric: "{{value}}" is not a plain number (write 1234.5; a % sign only where the unit is %)',
    'zh-CN': '非数字：“{{value}}”不是有效的数字（请写成 1234.5；仅单位为 % 时可带 %）',
  },
  'period-not-month': {
    en: "{{dataElement}} is reported per month; '{{period}}' is not a month (quarters and years are computed from the months)",
    'zh-CN': '{{dataElement}} 按月报告；“{{period}}”不是月份（季度和年度由各月计算得出）',
  },
  'period-not-quarter': {
    en: "{{dataElement}} is reported per quarter: use a quarter such as 2024Q1, not '{{period}}'",
    'zh-CN': '{{dataElement}} 按季度报告：请使用季度（例如 2024Q1），而不是“{{period}}”',
  },
  'period-not-year': {
    en: "{{dataElement}} is reported per year: use a year such as 2024, not '{{period}}'",
    'zh-CN': '{{dataElement}} 按年报告：请使用年份（例如 2024），而不是“{{period}}”',
  },
  'not-integer': { en: '{{dataElement}} takes whole numbers only', 'zh-CN': '{{dataElement}} 只接受整数' },
  'out-of-range': {
    en: 'out of range: {{of}} lies between {{min}} and {{max}}',
    'zh-CN': '超出范围：{{of}} 应在 {{min}} 与 {{max}} 之间',
  },
  'missing-value': { en: '{{column}} needs a value', 'zh-CN': '{{column}} 不能为空' },
  'invalid-band': {
    en: 'a band needs both lower and upper, with lower ≤ upper (given "{{lower}}" and "{{upper}}")',
    'zh-CN': '区间须同时给出下限和上限，且下限 ≤ 上限（现为“{{lower}}”和“{{upper}}”）',
  },
  'duplicate-key': {
    en: 'duplicate of row {{firstRow}} ({{key}})',
    'zh-CN': '与第 {{firstRow}} 行重复（{{key}}）',
  },
  undecodable: {
    en: 'holds characters that could not be decoded; check the file encoding',
    'zh-CN': '含有无法解码的字符；请检查文件编码',
  },
  'extra-cell': {
    en: 'a value in a column that has no header',
    'zh-CN': '此列没有表头，却填有内容',
  },
  'unterminated-quote': {
    en: 'a quoted field is never closed, so the rest of the file was read into this cell',
    'zh-CN': '引号未闭合，文件余下的内容都被读进了此单元格',
  },
  'invalid-definition': { en: '{{detail}}', 'zh-CN': '定义有误：{{detail}}' },
  'invalid-value': {
    en: '"{{value}}" is not a valid {{column}} (allowed: {{allowed}})',
    'zh-CN': '“{{value}}”不是有效的 {{column}}（可用：{{allowed}}）',
  },
  'out-of-scope': {
    en: 'org unit "{{orgUnit}}" is outside your access: you may import only rows of the org units your roles cover',
    'zh-CN': '机构“{{orgUnit}}”不在您的权限范围内：只能导入您的角色所覆盖机构的行',
  },
});
