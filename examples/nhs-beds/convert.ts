/**
 * Converts NHS England's monthly G&A bed figures per trust (beds_trust_monthly_2022-04_to_2025-09.csv, from
 * humaniverse/healthyr, Open Government Licence v3.0) into HealthBSC import files:
 *
 * - `org-units.csv`: England (`ENG`, a group) and one hospital per trust, named by its ODS code;
 * - `data.csv`: `org_unit,period,data_element,value` with `ga_beds_occupied` and `ga_beds_available` per trust and
 *   month (`April 2022` becomes `2022-04`); a blank value is skipped and reported.
 *
 * The scorecard file is `scorecard.yaml` beside this one. Usage (README.md):
 *   node examples/nhs-beds/convert.ts [--input FILE] [--out DIR]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readTable, writeTable } from '../../src/ingest/index.ts';

/** The source file beside this repository, in `../shared/data` (see its README.md); `--input` names another. */
export const DEFAULT_INPUT = fileURLToPath(
  new URL(
    '../../../shared/data/nhs_england_trusts/beds_trust_monthly_2022-04_to_2025-09.csv',
    import.meta.url,
  ),
);
export const DEFAULT_OUT = fileURLToPath(new URL('./generated/', import.meta.url));

/** The source columns used, and the data element each becomes. */
export const COLUMNS = {
  general_acute_beds_occupied: 'ga_beds_occupied',
  general_acute_beds_available: 'ga_beds_available',
} as const;

export const ROOT_CODE = 'ENG';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * `April 2022` → `2022-04` (the month ids of core/periods); null for anything else.
 *
 * @example monthId('September 2025') // '2025-09'
 */
export function monthId(text: string): string | null {
  const match = /^([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  const month = match ? MONTHS.indexOf((match[1] ?? '').toLowerCase()) : -1;
  return match && month >= 0 ? `${match[2]}-${String(month + 1).padStart(2, '0')}` : null;
}

export interface SkippedValue {
  readonly line: number;
  readonly trust: string;
  readonly date: string;
  readonly column: string;
  readonly reason: string;
}

export interface ConvertedBeds {
  /** `code,parent,type,name_en,name_zh`: England, then the trusts in code order. */
  readonly orgUnits: Uint8Array;
  /** `org_unit,period,data_element,value`, by trust, month and data element. */
  readonly data: Uint8Array;
  readonly trusts: readonly string[];
  readonly months: readonly string[];
  readonly rowsRead: number;
  readonly valuesWritten: number;
  readonly skipped: readonly SkippedValue[];
}

/**
 * Converts the source file's bytes. Throws on a missing column; a row with an unreadable date or trust code,
 * or a blank or non-numeric value, is skipped (that value only) and listed in `skipped`.
 *
 * @example const { data, skipped } = await convertBeds(await readFile(DEFAULT_INPUT));
 */
export async function convertBeds(bytes: Uint8Array): Promise<ConvertedBeds> {
  const table = await readTable(bytes, { format: 'csv', encoding: 'utf-8' });
  const at = (name: string): number => {
    const i = table.header.indexOf(name);
    if (i < 0) throw new Error(`the file has no ${name} column`);
    return i;
  };
  const trustColumn = at('nhs_trust22_code');
  const dateColumn = at('date');
  const valueColumns = Object.entries(COLUMNS).map(([source, element]) => ({
    source,
    element,
    index: at(source),
  }));
  const skipped: SkippedValue[] = [];
  const values: { trust: string; month: string; element: string; value: number }[] = [];
  const trusts = new Set<string>();
  const months = new Set<string>();
  let rowsRead = 0;
  for await (const row of table.rows) {
    rowsRead += 1;
    const trust = (row.cells[trustColumn] ?? '').trim();
    const date = (row.cells[dateColumn] ?? '').trim();
    const month = monthId(date);
    const skip = (column: string, reason: string) =>
      skipped.push({ line: row.line, trust, date, column, reason });
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(trust)) {
      skip('nhs_trust22_code', 'not an ODS trust code');
      continue;
    }
    if (month === null) {
      skip('date', 'not a month written as "April 2022"');
      continue;
    }
    for (const { source, element, index } of valueColumns) {
      const text = (row.cells[index] ?? '').trim();
      if (text === '') {
        skip(source, 'blank');
        continue;
      }
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0) {
        skip(source, `not a bed count: "${text}"`);
        continue;
      }
      values.push({ trust, month, element, value });
      trusts.add(trust);
      months.add(month);
    }
  }
  values.sort((a, b) =>
    a.trust < b.trust
      ? -1
      : a.trust > b.trust
        ? 1
        : a.month.localeCompare(b.month) || a.element.localeCompare(b.element),
  );
  const trustList = [...trusts].sort();
  const orgUnits = await writeTable(
    ['code', 'parent', 'type', 'name_en', 'name_zh'],
    [
      [ROOT_CODE, '', 'group', 'England (NHS trusts)', '英格兰（NHS信托）'],
      ...trustList.map((t) => [t, ROOT_CODE, 'hospital', `NHS trust ${t}`, '']),
    ],
    'csv',
  );
  const data = await writeTable(
    ['org_unit', 'period', 'data_element', 'value'],
    values.map((v) => [v.trust, v.month, v.element, v.value]),
    'csv',
  );
  return {
    orgUnits,
    data,
    trusts: trustList,
    months: [...months].sort(),
    rowsRead,
    valuesWritten: values.length,
    skipped,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { input: { type: 'string' }, out: { type: 'string' } } });
  const input = values.input ?? DEFAULT_INPUT;
  const out = values.out ?? DEFAULT_OUT;
  const converted = await convertBeds(await readFile(input));
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'org-units.csv'), converted.orgUnits);
  await writeFile(join(out, 'data.csv'), converted.data);
  for (const s of converted.skipped) {
    process.stderr.write(`skipped ${input}:${s.line} ${s.trust} ${s.date} ${s.column}: ${s.reason}\n`);
  }
  process.stdout.write(
    `${converted.rowsRead} rows read: ${converted.trusts.length} trusts × ${converted.months.length} months ` +
      `(${converted.months[0]} to ${converted.months.at(-1)}), ${converted.valuesWritten} values written, ` +
      `${converted.skipped.length} skipped\nwrote ${join(out, 'org-units.csv')} and ${join(out, 'data.csv')}\n`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`convert: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
