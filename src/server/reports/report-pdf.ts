/**
 * Evaluation and group reports as PDF: the report model's tables (core/reports) set with pdfmake in the CJK font,
 * the charts as ECharts SVG, in the page frame that marks drafts on every page (pdf/page-frame.ts).
 */

import type { MessageLang } from '../../core/errors/messages/define-messages.ts';
import type { GroupReport } from '../../core/reports/group-report.ts';
import {
  type Cell,
  cellText,
  type EvaluationReport,
  type ReportTable,
} from '../../core/reports/report-model.ts';
import { reportWord } from '../../core/reports/report-words.ts';
import { barsSvg, heatmapSvg, radarSvg, trendSvg } from './charts.ts';
import { reportDocument } from './pdf/page-frame.ts';
import { type Content, PDF_SVG_FONT, renderPdf } from './pdf/pdfmake.ts';

function cellContent(cell: Cell, lang: MessageLang, bold = false): Content {
  const numeric = cell !== null && typeof cell !== 'string';
  return { text: cellText(cell, lang), alignment: numeric ? 'right' : 'left', bold };
}

/** A report table: the title, the table (header repeated on each page), its notes. */
export function tableContent(table: ReportTable, lang: MessageLang): Content[] {
  const body = [
    table.headers.map((h) => ({ text: h, bold: true, fillColor: '#eef2f7' })),
    ...table.rows.map((row) => row.map((cell) => cellContent(cell, lang))),
    ...(table.footer ? [table.footer.map((cell) => cellContent(cell, lang, true))] : []),
  ];
  return [
    { text: table.title, style: 'h3' },
    {
      style: 'table',
      table: {
        headerRows: 1,
        // The first column (names) takes what is left; the figures keep their width.
        widths: table.headers.map((_, i) => (i === 0 ? '*' : 'auto')),
        body,
      },
      layout: 'lightHorizontalLines',
    },
    ...table.notes.map((note) => ({ text: note, style: 'note' })),
  ];
}

const svg = (markup: string, width: number): Content => ({ svg: markup, width, font: PDF_SVG_FONT });

function frame(report: { lang: MessageLang; draft: boolean; header: string; title: string }) {
  return {
    header: report.header,
    draft: report.draft,
    draftWord: reportWord('draft', report.lang),
    pageWords: reportWord('page', report.lang),
    title: report.title,
  };
}

/** The evaluation report (core/reports/report-model.ts) as a PDF. */
export async function writeEvaluationReportPdf(report: EvaluationReport): Promise<Buffer> {
  const { lang } = report;
  const content: Content[] = [
    { text: report.title, style: 'h1' },
    { text: report.subtitle, fontSize: 12, margin: [0, 0, 0, 12] },
    ...(report.draft ? [{ text: reportWord('draft', lang), color: '#c00', fontSize: 14, bold: true }] : []),
    {
      table: {
        widths: ['auto', '*'],
        body: report.cover.map((line) => [{ text: line.label, bold: true }, line.value]),
      },
      layout: 'noBorders',
      margin: [0, 8, 0, 8],
    },
    ...tableContent(report.summary, lang),
    ...tableContent(report.scores, lang),
    {
      columns: [svg(radarSvg(report.charts), 250), svg(barsSvg(report.charts), 250)],
      columnGap: 10,
      margin: [0, 8, 0, 0],
    },
    { text: report.sections.weights, style: 'h2', pageBreak: 'before' },
    ...report.weightTables.flatMap((table) => tableContent(table, lang)),
    ...report.perspectiveTables.flatMap((table, i) => [
      ...(i === 0 ? [{ text: '', pageBreak: 'before' }] : []),
      ...tableContent(table, lang),
    ]),
    { text: report.sections.charts, style: 'h2' },
    svg(trendSvg(report.charts), 380),
    ...tableContent(report.attention, lang),
    { text: report.sections.quality, style: 'h2' },
    ...(report.qualityNotes.length === 0
      ? [{ text: reportWord('noQuality', lang), style: 'note' }]
      : report.qualityNotes.map((note) => ({ text: `• ${note}`, fontSize: 9 }))),
    ...(report.method
      ? [{ text: report.sections.method, style: 'h2' }, ...tableContent(report.method, lang)]
      : []),
  ];
  return renderPdf(reportDocument(content, frame(report)));
}

/** The group report (core/reports/group-report.ts) as a PDF. */
export async function writeGroupReportPdf(report: GroupReport): Promise<Buffer> {
  const { lang } = report;
  const content: Content[] = [
    { text: report.title, style: 'h1' },
    { text: report.subtitle, fontSize: 12, margin: [0, 0, 0, 12] },
    ...(report.draft ? [{ text: reportWord('draft', lang), color: '#c00', fontSize: 14, bold: true }] : []),
    ...tableContent(report.ranking, lang),
    ...(report.headVsBranches ? tableContent(report.headVsBranches, lang) : []),
    { text: '', pageBreak: 'before' },
    svg(heatmapSvg({ ...report.heatmapData, title: report.heatmap.title }), 515),
    ...tableContent(report.heatmap, lang),
  ];
  return renderPdf(reportDocument(content, frame(report)));
}
