/**
 * An audit row's old and new values (any JSON) as a compact diff: one row per changed leaf, named by its dotted
 * path (`name.en`), with the old and new value as short text. Arrays are compared whole (their text), so a
 * member list reads as one change rather than one per index. Unchanged leaves are left out.
 */

export interface DiffRow {
  /** Dotted path of the leaf; '' when the whole value is one leaf (a number, a string). */
  readonly path: string;
  /** The old value as text; null when the leaf did not exist before (a creation). */
  readonly before: string | null;
  /** The new value as text; null when it no longer exists (a deletion). */
  readonly after: string | null;
}

type Leaves = Map<string, string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A leaf's text: strings as they are, everything else as JSON (`null`, `12.5`, `["A","B"]`). */
export function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json;
}

function collect(value: unknown, prefix: string, into: Leaves): void {
  if (value === undefined) return;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix !== '') into.set(prefix, '{}');
    for (const key of keys) collect(value[key], prefix === '' ? key : `${prefix}.${key}`, into);
    return;
  }
  into.set(prefix, leafText(value));
}

/**
 * The changed leaves between `oldValue` and `newValue`, in the order they first appear (old first, then new).
 *
 * @example auditDiffRows({ name: { en: 'A' }, sortOrder: 1 }, { name: { en: 'B' }, sortOrder: 1 })
 * // [{ path: 'name.en', before: 'A', after: 'B' }]
 * @example auditDiffRows(null, { code: 'X' }) // [{ path: 'code', before: null, after: 'X' }]
 */
export function auditDiffRows(oldValue: unknown, newValue: unknown): DiffRow[] {
  const before: Leaves = new Map();
  const after: Leaves = new Map();
  // A creation's old value (and a deletion's new one) is null: nothing existed, not a leaf that was null.
  if (oldValue !== null) collect(oldValue, '', before);
  if (newValue !== null) collect(newValue, '', after);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths
    .map((path) => ({ path, before: before.get(path) ?? null, after: after.get(path) ?? null }))
    .filter((row) => row.before !== row.after);
}

/** Leaves every diff is shown without: timestamps the server sets, which change with every write. */
const NOISE = new Set(['createdAt', 'updatedAt']);

/** The rows worth showing: without the server's own timestamps (`createdAt`, `updatedAt`). */
export function meaningfulDiffRows(oldValue: unknown, newValue: unknown): DiffRow[] {
  return auditDiffRows(oldValue, newValue).filter((row) => !NOISE.has(row.path.split('.').at(-1) ?? ''));
}
