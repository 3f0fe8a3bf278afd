/**
 * Org-unit lists, the metadata a hospital imports as a table: one unit per row.
 *
 * `code,parent,type,name_en[,name_zh][,role][,sort_order]`
 *
 * ```csv
 * code,parent,type,name_en,name_zh
 * ENG,,group,England,英格兰
 * RJ1,ENG,hospital,Guy's and St Thomas',
 * ```
 *
 * `parent` is empty for a top-level unit, or the code of a unit stored already or listed anywhere in the file
 * (parents are placed first). A listed unit that exists is an update when its names, role or sort order differ,
 * and refused when its parent or type differ (moving a unit would move its history). `name_zh`, `role` and
 * `sort_order` are attributes: a column the file lacks keeps what is stored (a list of codes and English names
 * leaves the Chinese names alone), an empty cell clears it (counted in the report's `clears`).
 */
import { unitCodeSchema } from '../core/contracts/common.ts';
import { orgUnitRoleSchema, orgUnitTypeSchema } from '../core/contracts/org-units.ts';
import {
  type Attribute,
  attributeText,
  clearedColumns,
  createChecker,
  each,
  keepsAttribute,
  type Rows,
  settled,
} from './check-context.ts';
import {
  createReportBuilder,
  definitionError,
  type ImportReport,
  type ReportBuilder,
  rowError,
} from './import-report.ts';
import {
  type Cell,
  type FormatRows,
  indexColumns,
  mapRows,
  optionalCell,
  type RowProblem,
  requiredCell,
  shapeProblems,
  type TableLike,
} from './row-formats.ts';

export type OrgUnitType = (typeof orgUnitTypeSchema.options)[number];
export type OrgUnitRole = (typeof orgUnitRoleSchema.options)[number];

export interface OrgUnitRow {
  readonly line: number;
  readonly code: Cell;
  readonly parent: Cell | null;
  readonly type: Cell;
  readonly nameEn: Cell;
  readonly nameZh: Cell | null;
  readonly role: Cell | null;
  readonly sortOrder: Cell | null;
  readonly problems: readonly RowProblem[];
}

/** A unit as listed: what a commit writes. */
export interface ListedUnit {
  readonly row: number;
  readonly code: string;
  readonly parent: string | null;
  readonly type: OrgUnitType;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly role: OrgUnitRole | null;
  readonly sortOrder: number;
}

/** A stored unit as the list is compared with it. */
export interface StoredUnitRef {
  readonly parentCode: string | null;
  readonly type: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly role: string | null;
  readonly sortOrder: number;
}

export interface OrgUnitListContext {
  /** The stored unit of a code, if any (the caller fetches the codes and parents the file names). */
  existing(code: string): StoredUnitRef | undefined;
  readonly maxErrors?: number;
}

/** A listed unit before it is compared with the stored one: its attributes as the file gives them. */
interface ListedRow extends Omit<ListedUnit, 'nameZh' | 'role' | 'sortOrder'> {
  readonly nameZh: Given<string>;
  readonly role: Given<OrgUnitRole>;
  readonly sortOrder: Given<number>;
}

/** An attribute's cell (null: no such column) and its value (undefined: no column; null: an empty cell). */
interface Given<T> {
  readonly cell: Cell | null;
  readonly given: T | null | undefined;
}

/** Records in the order a commit writes them: every unit after its parent. */
export type OrgUnitRecord = ListedUnit & { readonly action: 'create' | 'update' | 'unchanged' };

/**
 * Reads an org-unit list: `code,parent,type,name_en[,name_zh][,role][,sort_order]` (`编码,上级,类型,英文名称,…`).
 *
 * @example readOrgUnitRows({ header: ['code', 'type', 'name_en', 'notes'], headerLine: 1, rows: [] }).ignoredColumns // ['notes']
 */
export function readOrgUnitRows(table: TableLike): FormatRows<OrgUnitRow> {
  const { index, ignored, absent } = indexColumns(
    table,
    ['code', 'type', 'name_en'],
    ['parent', 'name_zh', 'role', 'sort_order'],
  );
  const rows = mapRows(table, (row) => ({
    line: row.line,
    code: requiredCell(table, row, index, 'code'),
    parent: optionalCell(table, row, index, 'parent'),
    type: requiredCell(table, row, index, 'type'),
    nameEn: requiredCell(table, row, index, 'name_en'),
    nameZh: optionalCell(table, row, index, 'name_zh'),
    role: optionalCell(table, row, index, 'role'),
    sortOrder: optionalCell(table, row, index, 'sort_order'),
    problems: shapeProblems(table, row),
  }));
  return { rows, ignoredColumns: ignored, absentColumns: absent };
}

const CODE_CHARACTERS = 'A-Z a-z 0-9 _ . -';
const SORT_ORDERS = '… -1, 0, 1, 2 …';

function textOf(cell: Cell | null): string {
  return cell?.text.trim() ?? '';
}

/**
 * Checks an org-unit list whole: codes, types, roles and sort orders, one row per code, and the tree: a parent
 * stored or listed (in any order), no cycle, no stored unit moved or retyped. Records come parents first.
 *
 * @example await checkOrgUnitList(readOrgUnitRows(table).rows, { existing: () => undefined }) // { toCreate: 2, … }
 */
export async function checkOrgUnitList(
  rows: Rows<OrgUnitRow>,
  ctx: OrgUnitListContext,
): Promise<ImportReport<OrgUnitRecord>> {
  const report = createReportBuilder<OrgUnitRecord>(ctx.maxErrors);
  // Org units are not looked up by the checker (the file defines them): no known units, no periods.
  const check = createChecker(report, { orgUnits: new Map(), normalizePeriod: () => null });
  const listed: ListedRow[] = [];
  const firstRow = new Map<string, number>();
  for await (const row of each(rows)) {
    const before = report.errorCount();
    check.startRow(row.line, row.problems);
    const cells = [row.code, row.parent, row.type, row.nameEn, row.nameZh, row.role, row.sortOrder];
    if (!cells.map((cell) => check.decodable(cell)).every(Boolean)) continue;
    const code = check.present(row.code);
    const first = code === null ? undefined : firstRow.get(code);
    if (code !== null && !unitCodeSchema.safeParse(code).success) {
      check.fail(row.code, 'invalid-value', {
        value: code,
        column: row.code.column,
        allowed: CODE_CHARACTERS,
      });
    } else if (code !== null && first !== undefined) {
      check.fail(row.code, 'duplicate-key', { firstRow: first, key: code });
    }
    if (code !== null && first === undefined) firstRow.set(code, row.line);
    const type = orgUnitTypeSchema.safeParse(textOf(row.type));
    if (!type.success) {
      const allowed = orgUnitTypeSchema.options.join(', ');
      check.fail(row.type, 'invalid-value', { value: textOf(row.type), column: row.type.column, allowed });
    }
    const roleText = textOf(row.role);
    const role = roleText === '' ? null : orgUnitRoleSchema.safeParse(roleText);
    if (row.role !== null && role !== null && !role.success) {
      const allowed = orgUnitRoleSchema.options.join(', ');
      check.fail(row.role, 'invalid-value', { value: roleText, column: row.role.column, allowed });
    }
    const sortText = textOf(row.sortOrder);
    if (row.sortOrder !== null && sortText !== '' && !/^-?\d+$/.test(sortText)) {
      check.fail(row.sortOrder, 'invalid-value', {
        value: sortText,
        column: row.sortOrder.column,
        allowed: SORT_ORDERS,
      });
    }
    const nameEn = check.present(row.nameEn);
    if (report.errorCount() !== before || code === null || nameEn === null || !type.success) continue;
    const parent = textOf(row.parent);
    const given = <T>(cell: Cell | null, value: T | null): Given<T> => ({
      cell,
      given: cell === null ? undefined : value,
    });
    listed.push({
      row: row.line,
      code,
      parent: parent === '' ? null : parent,
      type: type.data,
      nameEn,
      nameZh: { cell: row.nameZh, given: attributeText(row.nameZh) },
      role: given(row.role, role?.success === true ? role.data : null),
      sortOrder: given(row.sortOrder, sortText === '' ? null : Number(sortText)),
    });
  }
  placeUnits(listed, ctx, report);
  return report.build();
}

/**
 * A listed unit's attributes against the stored unit (undefined: a new one), as attributes; a sort order of 0
 * is "none", so an empty sort_order cell clears only a stored order other than 0.
 */
function attributesOf(row: ListedRow, stored: StoredUnitRef | undefined) {
  return {
    nameZh: { ...row.nameZh, stored: stored?.nameZh } satisfies Attribute<string>,
    role: { ...row.role, stored: stored?.role } satisfies Attribute<string>,
    sortOrder: {
      ...row.sortOrder,
      stored: stored === undefined || stored.sortOrder === 0 ? null : stored.sortOrder,
    } satisfies Attribute<number>,
  };
}

/** The unit a commit writes: the file's attributes where it has their columns, the stored ones elsewhere. */
function settleUnit(row: ListedRow, stored: StoredUnitRef | undefined): ListedUnit {
  const a = attributesOf(row, stored);
  const role = orgUnitRoleSchema.safeParse(settled(a.role));
  return {
    ...row,
    nameZh: settled(a.nameZh),
    role: role.success ? role.data : null,
    sortOrder: settled(a.sortOrder) ?? 0,
  };
}

/** Orders the listed units parents first and classifies each; reports a unit that cannot be placed. */
function placeUnits(
  listed: readonly ListedRow[],
  ctx: OrgUnitListContext,
  report: ReportBuilder<OrgUnitRecord>,
): void {
  const inFile = new Map(listed.map((u) => [u.code, u]));
  const placed = new Set<string>();
  const place = (unit: ListedRow, path: ReadonlySet<string>): boolean => {
    if (placed.has(unit.code)) return true;
    const at = { row: unit.row, column: 'parent', value: unit.parent ?? '' };
    const stored = ctx.existing(unit.code);
    if (stored !== undefined) {
      if (stored.parentCode !== unit.parent || stored.type !== unit.type) {
        const params = { code: unit.code, parent: stored.parentCode ?? '-', type: stored.type };
        report.error(definitionError(at, 'import.org-unit-would-move', params));
        return false;
      }
      placed.add(unit.code);
      const a = attributesOf(unit, stored);
      const same =
        stored.nameEn === unit.nameEn &&
        keepsAttribute(a.nameZh) &&
        keepsAttribute(a.role) &&
        keepsAttribute(a.sortOrder);
      const action = same ? 'unchanged' : 'update';
      report.record({ ...settleUnit(unit, stored), action }, action, clearedColumns(Object.values(a)));
      return true;
    }
    if (unit.parent !== null && ctx.existing(unit.parent) === undefined) {
      const parent = inFile.get(unit.parent);
      if (parent === undefined) {
        report.error(rowError(at, 'unknown-org-unit', { value: unit.parent }));
        return false;
      }
      if (path.has(parent.code)) {
        report.error(definitionError(at, 'import.org-unit-cycle', { code: unit.code, parent: unit.parent }));
        return false;
      }
      if (!place(parent, new Set([...path, unit.code]))) return false;
    }
    placed.add(unit.code);
    report.record({ ...settleUnit(unit, undefined), action: 'create' }, 'create');
    return true;
  };
  for (const unit of listed) place(unit, new Set([unit.code]));
}
