/**
 * An allocation as a PDF (issue 15: an approved allocation is exported as XLSX and PDF): the same facts and table
 * as the workbook (allocation-xlsx.ts), on the reports' page frame (src/server/reports/pdf/). An allocation that is
 * still a draft is marked so on every page, as an unpublished report is.
 */
import type { Allocation } from '../../core/contracts/incentives.ts';
import { minorDigits } from '../../core/incentives/currency.ts';
import { reportDocument } from '../reports/pdf/page-frame.ts';
import { type Content, renderPdf } from '../reports/pdf/pdfmake.ts';
import { type ExportLanguage, WORDS, type Word } from './allocation-xlsx.ts';

const FRAME_WORDS = {
  draft: { en: 'DRAFT', zh: '草稿' },
  page: { en: 'Page {{page}} of {{pages}}', zh: '第 {{page}} 页，共 {{pages}} 页' },
} as const;

/** The allocation as PDF bytes, worded in `language`. */
export async function writeAllocationPdf(allocation: Allocation, language: ExportLanguage): Promise<Buffer> {
  const zh = language === 'zh-CN';
  const say = (word: Word) => (zh ? WORDS[word].zh : WORDS[word].en);
  const locale = zh ? 'zh-CN' : 'en';
  const digits = minorDigits(allocation.currency);
  const money = (value: number) =>
    value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const cell = (text: string, right = false) => ({ text, ...(right ? { alignment: 'right' } : {}) });
  const facts: [Word, string][] = [
    ['scorecard', allocation.scorecard],
    ['orgUnit', allocation.orgUnit],
    ['period', allocation.period],
    ['pool', `${money(allocation.pool)} ${allocation.currency}`],
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
  const columns = [
    'code',
    'unit',
    'score',
    'rating',
    'base',
    'multiplier',
    'share',
    'amount',
    'note',
  ] as const;
  const rows = allocation.units.map((u) => {
    const note = u.excluded ?? u.bound;
    return [
      cell(u.orgUnit),
      cell(zh ? (u.name.zh ?? u.name.en) : u.name.en),
      cell(u.score === null ? '—' : u.score.toFixed(2), true),
      cell(u.rating ?? '—'),
      cell(String(u.base), true),
      cell(String(u.multiplier), true),
      cell(`${(u.share * 100).toFixed(2)}%`, true),
      cell(money(u.amount), true),
      cell(note === null ? '' : say(note)),
    ];
  });
  const total = allocation.units.reduce((sum, u) => sum + u.amount, 0);
  const content: Content[] = [
    { text: say('title'), style: 'h1' },
    {
      table: { widths: [110, '*'], body: facts.map(([word, value]) => [cell(say(word)), cell(value)]) },
      layout: 'noBorders',
      margin: [0, 0, 0, 12],
    },
    {
      style: 'table',
      table: {
        headerRows: 1,
        widths: [60, '*', 42, 40, 38, 38, 42, 62, 60],
        body: [
          columns.map((word) => ({ text: say(word), bold: true })),
          ...rows,
          [
            { text: say('total'), bold: true },
            '',
            '',
            '',
            '',
            '',
            cell('100.00%', true),
            { text: money(total), bold: true, alignment: 'right' },
            '',
          ],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  // A superseded allocation was approved once: its status line says it was restated; only a draft is marked.
  const draft = allocation.status === 'draft';
  return renderPdf(
    reportDocument(content, {
      header: `${say('title')} · ${allocation.scorecard} · ${allocation.orgUnit} · ${allocation.period}`,
      draft,
      draftWord: zh ? FRAME_WORDS.draft.zh : FRAME_WORDS.draft.en,
      pageWords: zh ? FRAME_WORDS.page.zh : FRAME_WORDS.page.en,
      title: say('title'),
      orientation: 'landscape',
    }),
  );
}
