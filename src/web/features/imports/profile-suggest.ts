/**
 * The wizard's suggestions: which of our data elements a column or an element cell names, which of our units a
 * source code names (by code, then by name in either language), and the code tables they fill. Pure.
 */
import { elementCodeOf } from '../../../core/import-profiles/inspect-columns.ts';
import type { CodeMapping, ProfileDraft } from './profile-draft.ts';

/** Something of ours with a code and a name in both languages (a data element, an org unit). */
export interface Named {
  readonly code: string;
  readonly name: { readonly en: string; readonly zh?: string | undefined };
}

/** Lower case, every run of other characters one space: `Total Attendances` = `total_attendances`. */
const norm = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The one item whose code or name is the cell (ignoring case and punctuation), or undefined. */
function exactly<T extends Named>(cell: string, items: readonly T[]): T | undefined {
  const wanted = norm(cell);
  if (wanted === '') return undefined;
  const byCode = items.find((i) => norm(i.code) === wanted);
  if (byCode) return byCode;
  const byName = items.filter((i) => norm(i.name.en) === wanted || norm(i.name.zh ?? '') === wanted);
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * The data element a column name or an element cell names: one of ours whose code or name it is, or a code
 * made from it (`elementCodeOf`).
 *
 * @example suggestElement('Total attendances', [{ code: 'ae_attendances', name: { en: 'Total attendances' } }]) // 'ae_attendances'
 */
export function suggestElement(cell: string, elements: readonly Named[], position = 0): string {
  return exactly(cell, elements)?.code ?? elementCodeOf(cell, position);
}

/**
 * The unit a source code names: one of ours whose code or name it is, else the one whose name contains it (or
 * is contained in it) when only one does; '' when none.
 *
 * @example suggestUnit('ALAMEDA HOSPITAL', [{ code: 'H1', name: { en: 'Alameda Hospital', zh: '阿拉米达医院' } }]) // 'H1'
 */
export function suggestUnit(cell: string, units: readonly Named[]): string {
  const found = exactly(cell, units);
  if (found) return found.code;
  const wanted = norm(cell);
  if (wanted.length < 3) return '';
  const near = units.filter((u) =>
    [u.name.en, u.name.zh ?? ''].some((n) => {
      const name = norm(n);
      return name.length >= 3 && (name.includes(wanted) || wanted.includes(name));
    }),
  );
  return near.length === 1 ? (near[0]?.code ?? '') : '';
}

/**
 * A code table over the distinct cells of a column: rows already mapped keep their target, the others get the
 * suggestion (blank when there is none).
 *
 * @example codeTableOf(['RC9', 'RGT'], [{ source: 'RC9', target: 'LUTON' }], () => '') // [{ source: 'RC9', target: 'LUTON' }, { source: 'RGT', target: '' }]
 */
export function codeTableOf(
  cells: readonly string[],
  existing: readonly CodeMapping[],
  suggest: (cell: string) => string,
): CodeMapping[] {
  const known = new Map(existing.map((r) => [r.source, r.target] as const));
  const distinct = [...new Set([...existing.map((r) => r.source), ...cells.map((c) => c.trim())])].filter(
    (c) => c !== '',
  );
  return distinct.map((source) => ({ source, target: known.get(source) ?? suggest(source) }));
}

/**
 * The draft with each value column mapped to the data element of ours its name names, where one does (the
 * others keep the code made from their name).
 *
 * @example withElementSuggestions(draft, elements).values[0]?.dataElement // 'ae_attendances'
 */
export function withElementSuggestions(draft: ProfileDraft, elements: readonly Named[]): ProfileDraft {
  return {
    ...draft,
    values: draft.values.map((v) => {
      const found = exactly(v.column, elements);
      return found === undefined ? v : { ...v, dataElement: found.code };
    }),
  };
}
