/**
 * The frame of a report's pages: A4, a header line on every page (the report's subject; "DRAFT" first and in red
 * when the figures are not published), a footer with the page number, and a light diagonal "DRAFT" across every
 * page of a draft (issue 15: an unpublished period is reported as a draft, marked on every page).
 */
import { type Content, PDF_DEFAULT_STYLE, PDF_FONT } from './pdfmake.ts';

export interface FrameOptions {
  /** The header line of every page. */
  readonly header: string;
  /** Marks every page as a draft: the header in red and a diagonal watermark. */
  readonly draft: boolean;
  /** The watermark's word ("DRAFT", "草稿"). */
  readonly draftWord: string;
  /** "Page {{page}} of {{pages}}" with the placeholders to fill. */
  readonly pageWords: string;
  readonly title: string;
  readonly orientation?: 'portrait' | 'landscape';
}

/**
 * A whole document definition around `content`: pass it to `renderPdf`.
 *
 * @example renderPdf(reportDocument([{ text: 'x' }], { header: 'AZ · 2016', draft: true, draftWord: 'DRAFT', pageWords: 'Page {{page}} of {{pages}}', title: 'Report' }))
 */
export function reportDocument(content: readonly Content[], options: FrameOptions): Content {
  return {
    pageSize: 'A4',
    pageOrientation: options.orientation ?? 'portrait',
    pageMargins: [40, 48, 40, 44],
    defaultStyle: PDF_DEFAULT_STYLE,
    info: { title: options.title },
    ...(options.draft
      ? { watermark: { text: options.draftWord, color: '#d33', opacity: 0.12, bold: true, font: PDF_FONT } }
      : {}),
    header: () => ({
      text: options.header,
      margin: [40, 20, 40, 0],
      fontSize: 8,
      color: options.draft ? '#c00' : '#666',
    }),
    footer: (page: number, pages: number) => ({
      text: options.pageWords.replace('{{page}}', String(page)).replace('{{pages}}', String(pages)),
      alignment: 'center',
      fontSize: 8,
      color: '#666',
      margin: [0, 14, 0, 0],
    }),
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      note: { fontSize: 8, color: '#444', margin: [0, 2, 0, 0] },
      table: { fontSize: 8, margin: [0, 0, 0, 4] },
    },
    content,
  };
}
