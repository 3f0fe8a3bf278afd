/**
 * The wizard's mapping, as the user builds it, and the profile (healthbsc/profile@1) it makes, both ways: a
 * saved profile fills the wizard (`draftFromProfile`) and the wizard's draft makes the profile (`profileOf`).
 * Everything a profile file can say has a place in the draft: wide or long layout, the unit code table, filters,
 * derived values, scale factors; what the wizard does not edit (source encoding, missing markers, the org tree's
 * parent level…) is kept as it came. Pure, so the round trip is tested without a browser.
 */
import type { ImportProfileInput, PeriodFormat } from '../../../core/contracts/import-profiles.ts';
import type { ProfileInspection } from '../../lib/api/import-profiles.ts';

export interface ValueMapping {
  readonly column: string;
  readonly include: boolean;
  /** The data element; in a long layout `{element}` stands for the element column's translated cell. */
  readonly dataElement: string;
  /** A unit conversion or scale factor (0.156 × 100 = 15.6 %). */
  readonly scale: number;
}

/** One row of a code table: a cell of the source → a code of ours (blank: not mapped). */
export interface CodeMapping {
  readonly source: string;
  readonly target: string;
}

/** Keep the rows whose cell is one of `values` (`in`), none of them (`notIn`), or starts with the first. */
export type FilterOp = 'in' | 'notIn' | 'startsWith';
export interface FilterDraft {
  readonly column: string;
  readonly op: FilterOp;
  readonly values: readonly string[];
}

/** A value computed from cells of the same row: their product × scale (numerator = rate × denominator). */
export interface DerivedDraft {
  readonly dataElement: string;
  readonly product: readonly string[];
  readonly scale: number;
}

export type Layout = 'wide' | 'long';

type Tree = NonNullable<ImportProfileInput['orgTree']>;

/** What a loaded profile says that the wizard does not edit: written back unchanged. */
export interface KeptParts {
  readonly nameZh?: string;
  readonly description?: string;
  readonly source?: ImportProfileInput['source'];
  readonly missing?: readonly string[];
  readonly match?: 'code' | 'name';
  readonly orgTree?: Tree;
}

export interface ProfileDraft {
  readonly code: string;
  readonly name: string;
  readonly layout: Layout;
  readonly unitColumn: string;
  readonly identifierSystem: string;
  readonly prefix: string;
  /** Source unit code → unit code. */
  readonly unitCodes: readonly CodeMapping[];
  /** Refuse a unit cell the code table does not list. */
  readonly unitCodesOnly: boolean;
  readonly periodColumn: string;
  readonly periodFormat: PeriodFormat;
  readonly periodType: 'month' | 'quarter' | 'year';
  /** Long layout: the column that names the element, and its cells → data elements. */
  readonly elementColumn: string;
  readonly elementCodes: readonly CodeMapping[];
  readonly values: readonly ValueMapping[];
  readonly derived: readonly DerivedDraft[];
  readonly filters: readonly FilterDraft[];
  /** Units missing from the tree are built under this root (empty: none are built). */
  readonly rootCode: string;
  readonly kept: KeptParts;
}

const fileCode = (fileName: string): string => {
  const base = fileName
    .replace(/\.(csv|txt|xlsx)(\.gz)?$/i, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[-.]+/, '');
  return (base === '' ? 'profile' : base).slice(0, 64);
};

/**
 * The first draft from a table's columns: the suggested unit and period columns, every number column mapped to
 * the data element its name suggests, a wide layout.
 *
 * @example draftOf(inspection, 'ae.csv').values[0] // { column: 'total_attendances', include: true, dataElement: 'total_attendances', scale: 1 }
 */
export function draftOf(inspection: ProfileInspection, fileName: string): ProfileDraft {
  const period = inspection.columns.find((c) => c.name === inspection.periodColumn);
  return {
    code: fileCode(fileName),
    name: fileName,
    layout: 'wide',
    unitColumn: inspection.unitColumn ?? inspection.columns[0]?.name ?? '',
    identifierSystem: '',
    prefix: '',
    unitCodes: [],
    unitCodesOnly: false,
    periodColumn: inspection.periodColumn ?? '',
    periodFormat: period?.periodFormat ?? 'auto',
    periodType:
      period?.periodFormat === 'YYYY' ? 'year' : period?.periodFormat === 'YYYYQn' ? 'quarter' : 'month',
    elementColumn: '',
    elementCodes: [],
    values: inspection.columns
      .filter((c) => c.type === 'number')
      .map((c) => ({
        column: c.name,
        // A numeric unit code (a CCN) or year column is listed but not a value.
        include: c.name !== inspection.unitColumn && c.name !== inspection.periodColumn,
        dataElement: c.suggestedElement,
        scale: 1,
      })),
    derived: [],
    filters: [],
    rootCode: '',
    kept: {},
  };
}

/**
 * The draft switched to a long layout on `elementColumn`: value columns feed `{element}` (the first) or
 * `{element}_<column>` (the others), so each element cell names its own data elements.
 *
 * @example toLong(draft, 'Performance Measure').values.map((v) => v.dataElement) // ['{element}', '{element}_n_of_cases']
 */
export function toLong(draft: ProfileDraft, elementColumn: string): ProfileDraft {
  let first = true;
  return {
    ...draft,
    layout: 'long',
    elementColumn,
    values: draft.values.map((v) => {
      if (!v.include || v.column === elementColumn) return { ...v, include: false };
      const dataElement = first ? '{element}' : `{element}_${v.dataElement}`;
      first = false;
      return { ...v, dataElement };
    }),
  };
}

const toRecord = (rows: readonly CodeMapping[]): Record<string, string> =>
  Object.fromEntries(
    rows.filter((r) => r.target.trim() !== '').map((r) => [r.source, r.target.trim()] as const),
  );

const fromRecord = (record: Readonly<Record<string, string>> | undefined): CodeMapping[] =>
  Object.entries(record ?? {}).map(([source, target]) => ({ source, target }));

function filterOf(f: FilterDraft): NonNullable<ImportProfileInput['filters']>[number] {
  if (f.op === 'startsWith') return { column: f.column, startsWith: f.values[0] ?? '' };
  return { column: f.column, [f.op]: [...f.values] };
}

function orgTreeOf(draft: ProfileDraft): Tree | undefined {
  const root = draft.rootCode.trim();
  const tree = draft.kept.orgTree;
  if (root === '') return tree?.root === undefined ? tree : undefined;
  const name = tree?.root?.code === root ? tree.root.name : { en: root };
  return {
    ...(tree ?? { nameTemplate: '{code}' }),
    root: { ...tree?.root, code: root, name },
  };
}

/**
 * The profile a draft makes.
 *
 * @example profileOf({ ...draft, rootCode: 'ENG' }).orgTree // { nameTemplate: '{code}', root: { code: 'ENG', name: { en: 'ENG' } } }
 */
export function profileOf(draft: ProfileDraft): ImportProfileInput {
  const system = draft.identifierSystem.trim();
  const prefix = draft.prefix.trim();
  const translate = toRecord(draft.unitCodes);
  const { kept } = draft;
  const name = draft.name.trim() === '' ? draft.code.trim() : draft.name.trim();
  const tree = orgTreeOf(draft);
  const filters = draft.filters.filter((f) => f.column !== '' && f.values.length > 0).map(filterOf);
  const derived = draft.derived
    .filter((d) => d.dataElement.trim() !== '' && d.product.length > 0)
    .map((d) => ({ dataElement: d.dataElement.trim(), product: [...d.product], scale: d.scale }));
  return {
    format: 'healthbsc/profile@1',
    code: draft.code.trim(),
    name: { en: name, ...(kept.nameZh === undefined ? {} : { zh: kept.nameZh }) },
    ...(kept.description === undefined ? {} : { description: kept.description }),
    ...(kept.source === undefined ? {} : { source: kept.source }),
    unit: {
      column: draft.unitColumn,
      ...(kept.match === undefined ? {} : { match: kept.match }),
      ...(Object.keys(translate).length === 0 ? {} : { translate }),
      ...(draft.unitCodesOnly ? { translateOnly: true } : {}),
      ...(prefix === '' ? {} : { prefix }),
      ...(system === '' ? {} : { identifierSystem: system }),
    },
    period: { column: draft.periodColumn, format: draft.periodFormat, type: draft.periodType },
    ...(draft.layout === 'long'
      ? { element: { column: draft.elementColumn, translate: toRecord(draft.elementCodes) } }
      : {}),
    values: draft.values
      .filter((v) => v.include && v.dataElement.trim() !== '')
      .map((v) => ({ column: v.column, dataElement: v.dataElement.trim(), scale: v.scale })),
    ...(derived.length === 0 ? {} : { derived }),
    ...(filters.length === 0 ? {} : { filters }),
    ...(kept.missing === undefined ? {} : { missing: [...kept.missing] }),
    ...(tree === undefined ? {} : { orgTree: tree }),
  };
}

/** A profile filter as the wizard's rows: one row per condition (a filter naming two keeps both, as AND). */
function filterDraftsOf(f: NonNullable<ImportProfileInput['filters']>[number]): FilterDraft[] {
  return [
    ...(f.in === undefined ? [] : [{ column: f.column, op: 'in' as const, values: f.in }]),
    ...(f.notIn === undefined ? [] : [{ column: f.column, op: 'notIn' as const, values: f.notIn }]),
    ...(f.startsWith === undefined
      ? []
      : [{ column: f.column, op: 'startsWith' as const, values: [f.startsWith] }]),
  ];
}

/**
 * The draft that makes `profile` again: a saved profile opened in the wizard. Value columns of the file that
 * the profile does not read are listed, not included.
 *
 * @example profileOf(draftFromProfile(profile, columns)) // the same profile
 */
export function draftFromProfile(
  profile: ImportProfileInput,
  fileColumns: readonly string[] = [],
): ProfileDraft {
  const mapped = (profile.values ?? []).map((v) => ({
    column: v.column,
    include: true,
    dataElement: v.dataElement,
    scale: v.scale ?? 1,
  }));
  const read = new Set([
    ...mapped.map((v) => v.column),
    profile.unit.column,
    profile.period?.column,
    profile.element?.column,
  ]);
  const others = fileColumns
    .filter((c) => !read.has(c))
    .map((column) => ({ column, include: false, dataElement: '', scale: 1 }));
  const tree = profile.orgTree;
  return {
    code: profile.code,
    name: profile.name?.en ?? profile.code,
    layout: profile.element === undefined ? 'wide' : 'long',
    unitColumn: profile.unit.column,
    identifierSystem: profile.unit.identifierSystem ?? '',
    prefix: profile.unit.prefix ?? '',
    unitCodes: fromRecord(profile.unit.translate),
    unitCodesOnly: profile.unit.translateOnly ?? false,
    periodColumn: profile.period?.column ?? '',
    periodFormat: profile.period?.format ?? 'auto',
    periodType: profile.period?.type ?? 'month',
    elementColumn: profile.element?.column ?? '',
    elementCodes: fromRecord(profile.element?.translate),
    values: [...mapped, ...others],
    derived: (profile.derived ?? []).map((d) => ({ ...d, scale: d.scale ?? 1 })),
    filters: (profile.filters ?? []).flatMap(filterDraftsOf),
    rootCode: tree?.root?.code ?? '',
    kept: {
      ...(profile.name?.zh === undefined ? {} : { nameZh: profile.name.zh }),
      ...(profile.description === undefined ? {} : { description: profile.description }),
      ...(profile.source === undefined ? {} : { source: profile.source }),
      ...(profile.missing === undefined ? {} : { missing: profile.missing }),
      ...(profile.unit.match === undefined ? {} : { match: profile.unit.match }),
      ...(tree === undefined ? {} : { orgTree: tree }),
    },
  };
}
