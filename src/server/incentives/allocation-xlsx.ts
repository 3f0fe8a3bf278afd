/**
 * An allocation as an XLSX workbook: a title block (scorecard, unit, period, pool, the publication used, status,
 * who prepared and approved it), then one row per unit with real numbers and number formats, and the total,
 * which equals the pool.
 */
import ExcelJS from 'exceljs';
import type { Allocation } from '../../core/contracts/incentives.ts';
import { minorDigits } from '../../core/incentives/currency.ts';

export type ExportLanguage = 'en' | 'zh-CN';

/** The export's words in both languages (the PDF uses them too). */
export const WORDS = {
  title: { en: 'Incentive allocation', zh: '绩效奖金分配' },
  scorecard: { en: 'Scorecard', zh: '计分卡' },
  orgUnit: { en: 'Org unit', zh: '机构' },
  period: { en: 'Period', zh: '期间' },
  pool: { en: 'Pool', zh: '奖金池' },
  publication: { en: 'Publication', zh: '所用发布' },
  status: { en: 'Status', zh: '状态' },
  draft: { en: 'Draft (not approved)', zh: '草稿（未审批）' },
  approved: { en: 'Approved', zh: '已审批' },
  superseded: { en: 'Superseded', zh: '已被重述' },
  createdBy: { en: 'Prepared by', zh: '编制人' },
  approvedBy: { en: 'Approved by', zh: '审批人' },
  reason: { en: 'Reason for restatement', zh: '重述原因' },
  code: { en: 'Code', zh: '代码' },
  unit: { en: 'Unit', zh: '单位' },
  score: { en: 'Published score', zh: '已发布得分' },
  rating: { en: 'Rating', zh: '等级' },
  base: { en: 'Base', zh: '基数' },
  multiplier: { en: 'Tier multiplier', zh: '等级系数' },
  share: { en: 'Share', zh: '占比' },
  amount: { en: 'Amount', zh: '金额' },
  note: { en: 'Note', zh: '说明' },
  total: { en: 'Total', zh: '合计' },
  'no-score': { en: 'no published score', zh: '无已发布得分' },
  'below-threshold': { en: 'below the threshold', zh: '低于门槛' },
  floor: { en: 'raised to the floor', zh: '按保底' },
  cap: { en: 'held at the cap', zh: '按封顶' },
} as const;

export type Word = keyof typeof WORDS;

/** The allocation as XLSX bytes, worded in `language`. */
export async function writeAllocationXlsx(allocation: Allocation, language: ExportLanguage): Promise<Buffer> {
  const say = (word: Word) => (language === 'zh-CN' ? WORDS[word].zh : WORDS[word].en);
  const digits = minorDigits(allocation.currency);
  const money = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(say('title'));
  sheet.addRow([say('title')]).font = { bold: true, size: 14 };
  const facts: [Word, string | number][] = [
    ['scorecard', allocation.scorecard],
    ['orgUnit', allocation.orgUnit],
    ['period', allocation.period],
    ['pool', allocation.pool],
    [
      'publication',
      `#${allocation.publication.id} ${allocation.publication.publishedAt} ${allocation.publication.publishedBy}`,
    ],
    ['status', say(allocation.status)],
    ['createdBy', `${allocation.createdBy} ${allocation.createdAt}`],
    [
      'approvedBy',
      allocation.approvedBy === null ? '—' : `${allocation.approvedBy} ${allocation.approvedAt}`,
    ],
  ];
  if (allocation.reason !== null) facts.push(['reason', allocation.reason]);
  for (const [word, value] of facts) {
    const row = sheet.addRow([say(word), value]);
    if (word === 'pool') row.getCell(2).numFmt = `${money} "${allocation.currency}"`;
  }
  sheet.addRow([]);
  const header = sheet.addRow(
    (['code', 'unit', 'score', 'rating', 'base', 'multiplier', 'share', 'amount', 'note'] as const).map(say),
  );
  header.font = { bold: true };
  const first = header.number + 1;
  for (const u of allocation.units) {
    const name = language === 'zh-CN' ? (u.name.zh ?? u.name.en) : u.name.en;
    const note = u.excluded ?? u.bound;
    const row = sheet.addRow([
      u.orgUnit,
      name,
      u.score,
      u.rating,
      u.base,
      u.multiplier,
      u.share,
      u.amount,
      note === null ? '' : say(note),
    ]);
    row.getCell(3).numFmt = '0.00';
    row.getCell(7).numFmt = '0.00%';
    row.getCell(8).numFmt = money;
  }
  const last = sheet.lastRow?.number ?? first;
  const total = sheet.addRow([say('total'), '', '', '', '', '', 1, allocation.pool]);
  total.font = { bold: true };
  total.getCell(7).numFmt = '0.00%';
  total.getCell(8).value = {
    formula: `SUM(H${first}:H${last})`,
    result: allocation.units.reduce((a, u) => a + u.amount, 0),
  };
  total.getCell(8).numFmt = money;
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 28;
  for (const c of [3, 4, 5, 6, 7, 8]) sheet.getColumn(c).width = 14;
  sheet.getColumn(9).width = 22;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
