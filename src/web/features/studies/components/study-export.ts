/**
 * The study's rows as an Excel workbook, made in the browser. ExcelJS is loaded only when a user exports, so it
 * never weighs on the page's first load.
 */
import type { StudyResultJson } from '../../../lib/api/studies.ts';
import type { Language } from '../../../lib/i18n/languages.ts';
import { exportRows } from '../study-rows.ts';

/** Builds the workbook and hands it to the browser as `<study code>.xlsx`. */
export async function downloadStudyWorkbook(
  result: StudyResultJson,
  language: Language,
  header: readonly string[],
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(result.study.code);
  for (const row of exportRows(result, language, header)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const bytes = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = `${result.study.code}.xlsx`;
  link.click();
  URL.revokeObjectURL(url);
}
