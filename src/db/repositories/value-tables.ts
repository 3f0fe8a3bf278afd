/**
 * The tables of values, each described ONCE: data values, reported indicator values, qualitative assessments
 * (the three keyed value tables: a number and a note per key, versioned, written through the API and by
 * imports) and targets (written by imports). The spec of a table drives every statement on it
 * (./value-store.repository.ts: find, lock, the bulk writer, restore, delete), the API's batch write
 * (server/services/value-batch.ts: versions, approval locks, audit, change events) and the imports' write and
 * undo (server/imports). Adding a column to one of them is a change here, not in five places.
 */

/** A table of values. */
export type ValueTableName = 'data_value' | 'reported_value' | 'assessment' | 'target';

/** The three tables the API writes in versioned batches (`/api/data-values`, `/reported-values`, `/assessments`). */
export type KeyedValueTableName = Exclude<ValueTableName, 'target'>;

export type SqlType = 'bigint' | 'integer' | 'text' | 'float8';

export interface Column {
  readonly name: string;
  readonly type: SqlType;
}

/** Which approvals lock a row: those of its unit (or an ancestor) and period, of any scorecard or of its own. */
export type ApprovalLockRule =
  | { readonly kind: 'unit-period'; readonly scorecardColumn: string | null }
  | { readonly kind: 'none' };

/**
 * What a change of a table's rows tells the change counters and the bus: `data-values` (the new values, which
 * the evaluation cube applies), `root-inputs` (reported values, assessments: the organisation's inputs changed)
 * or `metadata` (targets).
 */
export type ChangeKind = 'data-values' | 'root-inputs' | 'metadata';

export interface ValueTableSpec {
  readonly name: ValueTableName;
  /** The natural key (the primary key, or target's unique scope index), in its order. */
  readonly keys: readonly Column[];
  /** Key columns that may be null (target's scope); compared as `coalesce(col, 0)` like the unique index. */
  readonly nullableKeys: ReadonlySet<string>;
  /** The columns a write sets: the figures and the free-text attributes beside them. */
  readonly values: readonly Column[];
  /** The number a keyed value holds (`value`, `score`): the audit trail and the 409's `current` name it so. */
  readonly number: string;
  /** The free text beside it (`comment`, `evidence`), kept when a write leaves it out. */
  readonly note: string;
  /**
   * Value columns that a file may leave out: a column absent from an import keeps what is stored, an empty
   * cell in a column the file has clears it. The other value columns are the row's figures, always written.
   */
  readonly attributes: readonly string[];
  /** Who wrote a row and when. */
  readonly by: string;
  readonly at: string;
  /** The column naming the import batch that last wrote the row (target has none). */
  readonly batch: string | null;
  /** Every change increments `version` (optimistic concurrency); target has no version. */
  readonly versioned: boolean;
  /** The conflict target of an upsert. */
  readonly conflict: string;
  readonly approvalLock: ApprovalLockRule;
  readonly changes: ChangeKind;
}

const bigint = (name: string): Column => ({ name, type: 'bigint' });
const text = (name: string): Column => ({ name, type: 'text' });
const float8 = (name: string): Column => ({ name, type: 'float8' });

/** The columns every keyed value table shares after its key: who, when, batch, version. */
const KEYED = {
  nullableKeys: new Set<string>(),
  by: 'updated_by',
  at: 'updated_at',
  batch: 'import_batch_id',
  versioned: true,
} as const;

/** The keys of a scorecard's indicator values: organisation, scorecard, indicator, unit, period. */
const INDICATOR_KEY: readonly Column[] = [
  bigint('root_id'),
  bigint('scorecard_id'),
  text('indicator_code'),
  bigint('org_unit_id'),
  text('period_id'),
];

function conflictOf(keys: readonly Column[]): string {
  return `(${keys.map((k) => k.name).join(', ')})`;
}

const DATA_VALUE_KEY = [
  bigint('root_id'),
  bigint('org_unit_id'),
  bigint('data_element_id'),
  text('period_id'),
];
const ASSESSMENT_KEY = [...INDICATOR_KEY, text('rater')];

export const VALUE_TABLES: { readonly [N in ValueTableName]: ValueTableSpec & { readonly name: N } } = {
  data_value: {
    ...KEYED,
    name: 'data_value',
    keys: DATA_VALUE_KEY,
    values: [float8('value'), text('comment')],
    number: 'value',
    note: 'comment',
    attributes: ['comment'],
    conflict: conflictOf(DATA_VALUE_KEY),
    // Data elements feed every scorecard: any approval of the unit and period locks them.
    approvalLock: { kind: 'unit-period', scorecardColumn: null },
    changes: 'data-values',
  },
  reported_value: {
    ...KEYED,
    name: 'reported_value',
    keys: INDICATOR_KEY,
    values: [float8('value'), text('comment')],
    number: 'value',
    note: 'comment',
    attributes: ['comment'],
    conflict: conflictOf(INDICATOR_KEY),
    approvalLock: { kind: 'unit-period', scorecardColumn: 'scorecard_id' },
    changes: 'root-inputs',
  },
  assessment: {
    ...KEYED,
    name: 'assessment',
    keys: ASSESSMENT_KEY,
    values: [float8('score'), text('evidence')],
    number: 'score',
    note: 'evidence',
    attributes: ['evidence'],
    conflict: conflictOf(ASSESSMENT_KEY),
    approvalLock: { kind: 'unit-period', scorecardColumn: 'scorecard_id' },
    changes: 'root-inputs',
  },
  target: {
    name: 'target',
    keys: [
      // The unit's organisation, 0 for a shared scope (migration 202612062050_distribution_keys).
      bigint('root_id'),
      bigint('scorecard_id'),
      text('indicator_code'),
      text('period_id'),
      bigint('org_unit_id'),
      bigint('org_unit_group_id'),
      { name: 'level', type: 'integer' },
    ],
    nullableKeys: new Set(['org_unit_id', 'org_unit_group_id', 'level']),
    // target, lower and upper are the row's figures (a point or a band, written together); reference and
    // source are attributes.
    values: [float8('target'), float8('lower'), float8('upper'), float8('reference'), text('source')],
    number: 'target',
    note: 'source',
    attributes: ['reference', 'source'],
    by: 'set_by',
    at: 'set_at',
    batch: null,
    versioned: false,
    conflict:
      '(root_id, scorecard_id, indicator_code, period_id, coalesce(org_unit_id, 0), coalesce(org_unit_group_id, 0), coalesce(level, 0))',
    // Targets are metadata: approvals of data do not lock them.
    approvalLock: { kind: 'none' },
    changes: 'metadata',
  },
};

const NAMES = new Set<string>(Object.keys(VALUE_TABLES));

/** True for the name of a table of values (an `import_change` row names its table as text). */
export function isValueTableName(name: string): name is ValueTableName {
  return NAMES.has(name);
}
