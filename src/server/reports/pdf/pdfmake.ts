/**
 * pdfmake on the server with the CJK font of the report stack (../shared/STACK.md "Reports"): Debian's
 * fonts-wqy-microhei, so Chinese and English print from one face. Every PDF of the product (evaluation and group
 * reports, the survey questionnaire, the incentive allocation) is made through `renderPdf`, which sets the fonts
 * and the access policies (no URL, only the font file) before each document.
 *
 * A document definition is pdfmake's (https://pdfmake.github.io/docs/0.3/document-definition-object/); build its
 * pieces with `Content` and put the default style `PDF_DEFAULT_STYLE` on it (or call `reportDocument` in
 * page-frame.ts, which adds the header, the footer and the draft marking).
 */
import { createRequire } from 'node:module';

/**
 * The part of pdfmake's server API used here. Loaded without @types/pdfmake, whose `/// <reference lib="dom" />`
 * would put the browser's types into the whole server program.
 */
interface PdfMake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(document: unknown): { getBuffer(): Promise<Uint8Array> };
}
const pdfmake: PdfMake = createRequire(import.meta.url)('pdfmake');

/** A piece of a pdfmake document definition (text, table, columns, svg, …). */
export type Content = Readonly<Record<string, unknown>>;

/** Debian's fonts-wqy-microhei: a TrueType collection, so pdfmake needs the face's PostScript name too. */
export const CJK_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const CJK_FACE = 'WenQuanYiMicroHei';
/** The font name to use in document definitions (and on svg nodes, so chart text finds a face). */
export const PDF_FONT = 'CJK';
export const PDF_DEFAULT_STYLE = { font: PDF_FONT, fontSize: 10 } as const;
/**
 * The font family to write into an SVG (ECharts `textStyle.fontFamily`) and to give an svg node as `font`.
 * pdfmake hands an SVG's font to PDFKit by its definition, which PDFKit cannot open as `[file, face]` (a font
 * collection); this family's definition is the face's name instead, which PDFKit finds among the fonts already
 * loaded by the document's text (every report prints text before its first chart).
 */
export const PDF_SVG_FONT = 'CJK-SVG';

/**
 * Renders a pdfmake document definition (which should use `PDF_FONT`) to a PDF.
 *
 * @example await renderPdf({ defaultStyle: PDF_DEFAULT_STYLE, content: ['病历 record'] }) // a Buffer starting %PDF
 */
export async function renderPdf(document: Content): Promise<Buffer> {
  // A face of a font collection is given as [file, PostScript name]; the face has no bold, so bold is the same.
  pdfmake.setFonts({
    [PDF_FONT]: {
      normal: [CJK_FONT_FILE, CJK_FACE],
      bold: [CJK_FONT_FILE, CJK_FACE],
      italics: [CJK_FONT_FILE, CJK_FACE],
      bolditalics: [CJK_FONT_FILE, CJK_FACE],
    },
    [PDF_SVG_FONT]: { normal: CJK_FACE, bold: CJK_FACE, italics: CJK_FACE, bolditalics: CJK_FACE },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === CJK_FONT_FILE);
  return Buffer.from(await pdfmake.createPdf(document).getBuffer());
}
