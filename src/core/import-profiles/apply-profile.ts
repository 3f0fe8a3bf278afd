/**
 * Applies a mapping profile (core/contracts/import-profiles.ts) to the rows of a table: each kept row gives a
 * unit, a period and values of data elements; every cell that cannot be mapped is an error naming its row,
 * column and reason. Pure: the caller reads the file (src/ingest) and writes the result through the checked
 * data import, which also checks the units, data elements and numbers against what is stored.
 */
import type { ImportErrorCode } from '../contracts/import.ts';
import type { ImportProfile } from '../contracts/import-profiles.ts';
import type { OrgUnitType } from '../contracts/org-units.ts';
import { invalid, issue } from '../errors/problem.ts';
import { readPeriodCell } from './period-formats.ts';

/** One row of the source table: its 1-based line in the file and its cells as text. */
export interface ProfileRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** One value the profile maps a row to. `row` is the source line, `column` the cell it came from. */
export interface MappedValue {
  readonly row: number;
  readonly column: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly dataElement: string;
  readonly value: number;
}

/** A unit of the org tree the profile builds (parents come before their children). */
export interface MappedOrgUnit {
  readonly code: string;
  readonly parent: string | null;
  readonly type: OrgUnitType;
  readonly name: { readonly en: string; readonly zh?: string };
  /** The unit cell it was built from (units, not their parents): its identifier when the profile names a system. */
  readonly source?: string;
}

/** A cell that cannot be mapped; `code` and `params` are a row error's (`import-row.<code>`). */
export interface ProfileRowError {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly code: ImportErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ProfileResult {
  readonly rowsRead: number;
  /** Rows left out by the profile's filters. */
  readonly rowsFiltered: number;
  /** Cells holding a missing-value marker (`n/a`, blank…), skipped. */
  readonly cellsMissing: number;
  readonly values: readonly MappedValue[];
  readonly orgUnits: readonly MappedOrgUnit[];
  readonly errors: readonly ProfileRowError[];
}

/** A profile checked against a header: every column it names found once. */
export interface CompiledProfile {
  readonly profile: ImportProfile;
  readonly index: (column: string) => number;
}

const norm = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

/** Every column a profile reads. */
function columnsOf(p: ImportProfile): string[] {
  return [
    p.unit.column,
    ...(p.period ? [p.period.column] : []),
    ...(p.element ? [p.element.column] : []),
    ...p.values.map((v) => v.column),
    ...p.derived.flatMap((d) => d.product),
    ...p.filters.map((f) => f.column),
    ...(p.orgTree?.parent ? [p.orgTree.parent.column] : []),
    ...(p.orgTree?.nameColumn ? [p.orgTree.nameColumn] : []),
  ];
}

/**
 * Checks a profile against a file's header: every column it names must be there (matched ignoring case and
 * surrounding spaces), once. Throws `invalid('import-profile.columns-missing')` with one issue per missing or
 * repeated column.
 *
 * @example compileProfile(profile, ['PROVIDER_ID', 'report_date', 'READM_30_HOSP_WIDE']).index('provider_id') // 0
 */
export function compileProfile(profile: ImportProfile, header: readonly string[]): CompiledProfile {
  const positions = new Map<string, number[]>();
  for (const [i, h] of header.entries()) positions.set(norm(h), [...(positions.get(norm(h)) ?? []), i]);
  const wanted = [...new Set(columnsOf(profile).map(norm))];
  const issues = wanted.flatMap((c) => {
    const at = positions.get(c) ?? [];
    if (at.length === 0) return [issue('import-profile.column-missing', { column: c }, ['columns', c])];
    if (at.length > 1) return [issue('import-profile.column-repeated', { column: c }, ['columns', c])];
    return [];
  });
  const mapsValues = profile.values.length > 0 || profile.derived.length > 0;
  if (!mapsValues && !profile.orgTree) issues.push(issue('import-profile.maps-nothing', {}, ['values']));
  if (mapsValues && !profile.period) issues.push(issue('import-profile.needs-period', {}, ['period']));
  if (issues.length > 0)
    throw invalid('import-profile.does-not-fit', { profile: profile.code, count: issues.length }, issues);
  return { profile, index: (column) => positions.get(norm(column))?.[0] ?? -1 };
}

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^[+-]?\d{1,3},\d{3}\.\d+$/;

/** A number as imports read it (src/ingest README "Numbers"), `85%` read as 85; null when it is none. */
function readNumber(text: string): number | null {
  const cell = text.normalize('NFKC').trim().replace(/\s*%$/, '');
  if (PLAIN.test(cell)) return Number(cell);
  if (GROUPED.test(cell)) return Number(cell.replaceAll(',', ''));
  return null;
}

const PERIOD_EXAMPLES: Readonly<Record<string, string>> = {
  auto: '2023-01, 202301, 2023/1/31, 2023年1月, April 2021, 2023Q1, 2023',
  'month-name': 'April 2021, 2021年4月',
};

/**
 * Maps the rows of a table with a compiled profile. Values are `cell × scale` (derived: the product of the
 * cells × scale), exact doubles; a row yields nothing when filtered out, and an error for each cell that
 * cannot be read (unit, period, element, number). Org units are listed when the profile builds the tree.
 *
 * @example
 * const result = applyProfile(compileProfile(profile, header), rows);
 * result.values[0] // { row: 2, column: 'READM_30_HOSP_WIDE', orgUnit: '010001', period: '2018-01', dataElement: 'readm_rate', value: 15.6 }
 */
export function applyProfile(
  compiled: CompiledProfile,
  rows: Iterable<ProfileRow>,
  options: MapperOptions = {},
): ProfileResult {
  const mapper = createProfileMapper(compiled, options);
  for (const row of rows) mapper.add(row);
  return mapper.finish();
}

/** What the caller knows beyond the file. */
export interface MapperOptions {
  /**
   * The identifiers of `unit.identifierSystem` the database holds: value → unit code. Without a system in the
   * profile they are not read.
   */
  readonly identifiers?: ReadonlyMap<string, string>;
}

/** The same as `applyProfile`, a row at a time (for rows that stream from a file). */
export function createProfileMapper(
  compiled: CompiledProfile,
  options: MapperOptions = {},
): {
  add(row: ProfileRow): void;
  finish(): ProfileResult;
} {
  const { profile: p, index } = compiled;
  const missing = new Set(p.missing.map((m) => m.trim()));
  const filters = p.filters.map((f) => ({ ...f, at: index(f.column) }));
  const unitAt = index(p.unit.column);
  const periodAt = p.period ? index(p.period.column) : -1;
  const elementAt = p.element ? index(p.element.column) : -1;
  const values = p.values.map((v) => ({ ...v, at: index(v.column) }));
  const derived = p.derived.map((d) => ({ ...d, at: d.product.map(index) }));
  const tree = p.orgTree;
  const parentAt = tree?.parent ? index(tree.parent.column) : -1;
  const nameAt = tree?.nameColumn ? index(tree.nameColumn) : -1;

  const out: MappedValue[] = [];
  const errors: ProfileRowError[] = [];
  const units = new Map<string, MappedOrgUnit>();
  if (tree?.root)
    units.set(tree.root.code, {
      code: tree.root.code,
      parent: null,
      type: tree.root.type,
      name: tree.root.name,
    });
  let rowsRead = 0;
  let rowsFiltered = 0;
  let cellsMissing = 0;

  const cellOf = (row: ProfileRow, at: number): string => (row.cells[at] ?? '').trim();
  const fail = (
    row: ProfileRow,
    column: string,
    value: string,
    code: ImportErrorCode,
    params: ProfileRowError['params'],
  ) => {
    // A cell read twice (a value column that is also a factor of a derived value) is reported once.
    const last = errors.at(-1);
    if (last?.row !== row.line || last.column !== column)
      errors.push({ row: row.line, column, value, code, params });
  };

  function keep(row: ProfileRow): boolean {
    return filters.every((f) => {
      const cell = cellOf(row, f.at);
      return (
        (f.in === undefined || f.in.includes(cell)) &&
        (f.notIn === undefined || !f.notIn.includes(cell)) &&
        (f.startsWith === undefined || cell.startsWith(f.startsWith))
      );
    });
  }

  function unitOf(row: ProfileRow): string | null {
    const cell = cellOf(row, unitAt);
    if (missing.has(cell)) {
      fail(row, p.unit.column, cell, 'missing-value', { column: p.unit.column });
      return null;
    }
    const translated =
      p.unit.translate?.[cell] ??
      (p.unit.identifierSystem === undefined ? undefined : options.identifiers?.get(cell));
    // An identifier no unit holds names no unit, unless the tree is built from this very file.
    const unknown = p.unit.translateOnly || (p.unit.identifierSystem !== undefined && !tree);
    if (translated === undefined && unknown) {
      fail(row, p.unit.column, cell, 'unknown-org-unit', { value: cell });
      return null;
    }
    return translated ?? `${p.unit.prefix}${cell}`;
  }

  function addUnit(row: ProfileRow, code: string): void {
    if (!tree || units.has(code)) return;
    // A unit found by its identifier exists already: the tree leaves it where it is.
    if (p.unit.identifierSystem !== undefined && options.identifiers?.get(cellOf(row, unitAt)) === code)
      return;
    let parent = tree.root?.code ?? null;
    if (tree.parent) {
      const name = cellOf(row, parentAt);
      const parentCode = `${tree.parent.prefix}${name}`.replace(/[^A-Za-z0-9_.-]+/g, '_');
      if (!units.has(parentCode))
        units.set(parentCode, { code: parentCode, parent, type: tree.parent.type, name: { en: name } });
      parent = parentCode;
    }
    const name = nameAt >= 0 ? cellOf(row, nameAt) : tree.nameTemplate.replaceAll('{code}', code);
    const source = cellOf(row, unitAt);
    units.set(code, { code, parent, type: tree.type, name: { en: name === '' ? code : name }, source });
  }

  function periodOf(row: ProfileRow, spec: NonNullable<ImportProfile['period']>): string | null {
    const cell = cellOf(row, periodAt);
    const period = readPeriodCell(cell, spec.format, spec.type);
    if (period === null)
      fail(row, spec.column, cell, 'invalid-value', {
        value: cell,
        column: spec.column,
        allowed: `${spec.type}: ${PERIOD_EXAMPLES[spec.format] ?? spec.format}`,
      });
    return period;
  }

  function numberAt(row: ProfileRow, at: number, column: string): number | 'missing' | null {
    const cell = cellOf(row, at);
    if (missing.has(cell)) return 'missing';
    const n = readNumber(cell);
    if (n === null) fail(row, column, cell, 'non-numeric', { value: cell });
    return n;
  }

  return {
    add(row) {
      rowsRead += 1;
      if (!keep(row)) {
        rowsFiltered += 1;
        return;
      }
      const unit = unitOf(row);
      const period = p.period ? periodOf(row, p.period) : '';
      let element = '';
      if (p.element) {
        const cell = cellOf(row, elementAt);
        const code = p.element.translate[cell];
        if (code === undefined) {
          const known = Object.keys(p.element.translate);
          fail(row, p.element.column, cell, 'invalid-value', {
            value: cell,
            column: p.element.column,
            allowed: known.length > 8 ? `${known.slice(0, 8).join(', ')}, …` : known.join(', '),
          });
          return;
        }
        element = code;
      }
      if (unit === null || period === null) return;
      addUnit(row, unit);
      const push = (column: string, dataElement: string, value: number) =>
        out.push({
          row: row.line,
          column,
          orgUnit: unit,
          period,
          dataElement: dataElement.replaceAll('{element}', element),
          value,
        });
      for (const v of values) {
        const n = numberAt(row, v.at, v.column);
        if (n === 'missing') cellsMissing += 1;
        else if (n !== null) push(v.column, v.dataElement, n * v.scale);
      }
      for (const d of derived) {
        const factors = d.at.map((at, i) => numberAt(row, at, d.product[i] ?? ''));
        if (factors.some((f) => f === null)) continue;
        if (factors.some((f) => f === 'missing')) continue;
        const product = factors.reduce<number>(
          (acc, f) => acc * (f === 'missing' || f === null ? 1 : f),
          d.scale,
        );
        push(d.product.join(' × '), d.dataElement, product);
      }
    },
    finish() {
      return { rowsRead, rowsFiltered, cellsMissing, values: out, orgUnits: [...units.values()], errors };
    },
  };
}
