/**
 * A table as the reader sees it, for export: the header and body text of the rendered table (so the export is
 * what is displayed, with the current filters and sorting), as CSV text or as cells for a workbook, where a
 * figure becomes a real number.
 */

/** The header row and the body rows of the rendered tables inside `root` (Ant Design may split head and body). */
export function readRenderedTable(root: HTMLElement): string[][] {
  const text = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
  const header = root.querySelector('thead tr');
  const head = header === null ? [] : [[...header.querySelectorAll('th')].map(text)];
  const body = [...root.querySelectorAll('tbody tr')]
    .filter(
      (row) => !row.classList.contains('ant-table-measure-row') && row.getAttribute('aria-hidden') !== 'true',
    )
    .filter((row) => !row.classList.contains('ant-table-placeholder'))
    .map((row) => [...row.querySelectorAll('td')].map(text));
  return [...head, ...body];
}

/**
 * A cell's text as a workbook value: a figure ("1,234.5", "−3.2", "92.57%") becomes a number (a percentage its
 * fraction); anything else stays text; an empty cell or a dash is empty.
 *
 * @example toCellValue('1,234.5') // 1234.5
 * @example toCellValue('92.5%') // 0.925
 * @example toCellValue('优秀') // '优秀'
 */
export function toCellValue(text: string): string | number | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '—' || trimmed === '-') return null;
  const normal = trimmed.replace(/\u2212/g, '-').replace(/,/g, '');
  const match = /^([+-]?\d+(?:\.\d+)?)(%?)$/.exec(normal);
  if (match === null) return trimmed;
  const value = Number(match[1]);
  return match[2] === '%' ? value / 100 : value;
}

/**
 * Rows as CSV (RFC 4180: fields with a comma, quote or line break quoted, quotes doubled), with a byte-order mark
 * so that Excel reads Chinese text as UTF-8.
 *
 * @example toCsv([['a', 'b,c'], ['1', '"x"']]) // '\uFEFFa,"b,c"\r\n1,"""x"""\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** A file name without the characters file systems refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120) || 'export';
}

/** Hands bytes to the browser as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
