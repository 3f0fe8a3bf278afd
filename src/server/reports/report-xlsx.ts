/**
 * Evaluation and group reports as Excel workbooks (exceljs): the same tables as the PDF, numbers as real numbers
 * with number formats (weights 0.0000, scores 0.00, shares 0.0 %), a summary sheet, a weights sheet and one sheet
 * per perspective.
 */
import ExcelJS from 'exceljs';
import type { GroupReport } from '../../core/reports/group-report.ts';
import type { Cell, EvaluationReport, ReportTable } from '../../core/reports/report-model.ts';

function numberFormat(decimals: number, percent: boolean): string {
  const base = decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
  return percent ? `${base}%` : base;
}

/** Writes `table` from `row` down (title, headers, rows, footer, notes); returns the next free row. */
function writeTable(sheet: ExcelJS.Worksheet, table: ReportTable, startRow: number): number {
  let r = startRow;
  sheet.getCell(r, 1).value = table.title;
  sheet.getCell(r, 1).font = { bold: true, size: 12 };
  r += 1;
  table.headers.forEach((header, c) => {
    const cell = sheet.getCell(r, c + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
  });
  r += 1;
  const put = (cells: readonly Cell[], bold: boolean) => {
    cells.forEach((value, c) => {
      const cell = sheet.getCell(r, c + 1);
      if (value === null) return;
      if (typeof value === 'string') cell.value = value;
      else {
        cell.value = value.value;
        cell.numFmt = numberFormat(value.decimals, value.percent === true);
      }
      if (bold) cell.font = { bold: true };
    });
    r += 1;
  };
  for (const row of table.rows) put(row, false);
  if (table.footer) put(table.footer, true);
  for (const note of table.notes) {
    sheet.getCell(r, 1).value = note;
    sheet.getCell(r, 1).font = { italic: true, size: 9 };
    r += 1;
  }
  return r + 1;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base} ${n}`;
  taken.add(candidate);
  return candidate;
}

function addSheet(
  workbook: ExcelJS.Workbook,
  taken: Set<string>,
  name: string,
  tables: readonly ReportTable[],
  lead: readonly string[] = [],
): void {
  const sheet = workbook.addWorksheet(sheetName(name, taken));
  sheet.getColumn(1).width = 44;
  for (let c = 2; c <= 12; c += 1) sheet.getColumn(c).width = 14;
  let r = 1;
  for (const line of lead) {
    sheet.getCell(r, 1).value = line;
    r += 1;
  }
  if (lead.length > 0) r += 1;
  for (const table of tables) r = writeTable(sheet, table, r);
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The evaluation report as a workbook: summary, weights, one sheet per perspective, attention and notes. */
export async function writeEvaluationReportXlsx(report: EvaluationReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = report.title;
  const taken = new Set<string>();
  addSheet(
    workbook,
    taken,
    report.sections.summary,
    [report.summary, report.scores],
    [report.title, report.subtitle, ...report.cover.map((line) => `${line.label}: ${line.value}`)],
  );
  addSheet(workbook, taken, report.sections.weights, report.weightTables);
  for (const table of report.perspectiveTables) {
    addSheet(workbook, taken, table.title.replace(/^[^:：]*[:：]\s*/, ''), [table]);
  }
  addSheet(workbook, taken, report.attention.title, [report.attention]);
  addSheet(
    workbook,
    taken,
    report.sections.quality,
    report.method ? [report.method] : [],
    report.qualityNotes,
  );
  return toBuffer(workbook);
}

/** The group report as a workbook: the ranking, head vs branches, the perspective scores of every unit. */
export async function writeGroupReportXlsx(report: GroupReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = report.title;
  const taken = new Set<string>();
  addSheet(
    workbook,
    taken,
    report.ranking.title,
    [report.ranking, ...(report.headVsBranches ? [report.headVsBranches] : [])],
    [report.title, report.subtitle],
  );
  addSheet(workbook, taken, report.heatmap.title, [report.heatmap]);
  return toBuffer(workbook);
}
