/**
 * Pasting a block of cells copied from Excel or WPS (tab-separated columns, one line per row) into the grid:
 * the block's top-left lands in the cell pasted into, its rows go down the grid's rows in their order, its
 * columns go right across the row's own columns (the months, or the quarters or year of an element reported
 * so; cells a row does not have are not counted). What falls outside the grid is left out and counted.
 */

/** A grid row as the paste sees it: its data element and the columns it has cells in, left to right. */
export interface PasteRow {
  readonly dataElement: string;
  readonly columns: readonly string[];
}

export interface PastedCell {
  readonly dataElement: string;
  readonly month: string;
  readonly text: string;
}

export interface PasteResult {
  readonly cells: PastedCell[];
  /** Values of the block that fell outside the grid (below its last row or right of a row's last column). */
  readonly outside: number;
}

/**
 * The block of a clipboard's text: lines split on CR LF, LF or CR, columns on tabs; the empty line a spreadsheet
 * puts after its last row is dropped. A text without a tab or line break is one cell.
 *
 * @example clipboardBlock('1\t2\r\n3\t4\r\n') // [['1', '2'], ['3', '4']]
 */
export function clipboardBlock(text: string): string[][] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/** Whether a clipboard's text is more than one cell (the input's own paste handles one). */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r\n|\n|\r)$/, ''));
}

/**
 * The cells a block pasted at (`dataElement`, `month`) fills.
 *
 * @example pasteBlock([{ dataElement: 'a', columns: ['2024-01', '2024-02'] }], 'a', '2024-01', [['5', '6', '7']])
 * // { cells: [{ dataElement: 'a', month: '2024-01', text: '5' }, { …, month: '2024-02', text: '6' }], outside: 1 }
 */
export function pasteBlock(
  rows: readonly PasteRow[],
  dataElement: string,
  month: string,
  block: readonly (readonly string[])[],
): PasteResult {
  const first = rows.findIndex((row) => row.dataElement === dataElement);
  const start = first === -1 ? -1 : (rows[first]?.columns.indexOf(month) ?? -1);
  if (start === -1) return { cells: [], outside: block.reduce((n, line) => n + line.length, 0) };
  const cells: PastedCell[] = [];
  let outside = 0;
  block.forEach((line, r) => {
    const row = rows[first + r];
    line.forEach((text, c) => {
      const column = row?.columns[start + c];
      if (row === undefined || column === undefined) outside++;
      else cells.push({ dataElement: row.dataElement, month: column, text: text.trim() });
    });
  });
  return { cells, outside };
}
