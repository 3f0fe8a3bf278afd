/**
 * The wizard's mapping, as the user builds it, and the profile (healthbsc/profile@1) it makes. Pure, so the
 * step from columns to a profile is tested without a browser.
 */
import type { ImportProfileInput, PeriodFormat } from '../../../core/contracts/import-profiles.ts';
import type { ProfileInspection } from '../../lib/api/import-profiles.ts';

export interface ValueMapping {
  readonly column: string;
  readonly include: boolean;
  readonly dataElement: string;
  readonly scale: number;
}

export interface ProfileDraft {
  readonly code: string;
  readonly name: string;
  readonly unitColumn: string;
  readonly identifierSystem: string;
  readonly prefix: string;
  readonly periodColumn: string;
  readonly periodFormat: PeriodFormat;
  readonly periodType: 'month' | 'quarter' | 'year';
  readonly values: readonly ValueMapping[];
  /** Units missing from the tree are built under this root (empty: none are built). */
  readonly rootCode: string;
}

/**
 * The first draft from a table's columns: the suggested unit and period columns, every number column mapped to
 * the data element its name suggests.
 *
 * @example draftOf(inspection, 'ae.csv').values[0] // { column: 'total_attendances', include: true, dataElement: 'total_attendances', scale: 1 }
 */
export function draftOf(inspection: ProfileInspection, fileName: string): ProfileDraft {
  const period = inspection.columns.find((c) => c.name === inspection.periodColumn);
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[-.]+/, '');
  return {
    code: (base === '' ? 'profile' : base).slice(0, 64),
    name: fileName,
    unitColumn: inspection.unitColumn ?? inspection.columns[0]?.name ?? '',
    identifierSystem: '',
    prefix: '',
    periodColumn: inspection.periodColumn ?? '',
    periodFormat: period?.periodFormat ?? 'auto',
    periodType:
      period?.periodFormat === 'YYYY' ? 'year' : period?.periodFormat === 'YYYYQn' ? 'quarter' : 'month',
    values: inspection.columns
      .filter((c) => c.type === 'number')
      .map((c) => ({ column: c.name, include: true, dataElement: c.suggestedElement, scale: 1 })),
    rootCode: '',
  };
}

/**
 * The profile a draft makes.
 *
 * @example profileOf({ ...draft, rootCode: 'ENG' }).orgTree // { root: { code: 'ENG', name: { en: 'ENG' } }, nameTemplate: '{code}' }
 */
export function profileOf(draft: ProfileDraft): ImportProfileInput {
  const system = draft.identifierSystem.trim();
  const root = draft.rootCode.trim();
  return {
    format: 'healthbsc/profile@1',
    code: draft.code.trim(),
    name: { en: draft.name.trim() === '' ? draft.code : draft.name.trim() },
    unit: {
      column: draft.unitColumn,
      ...(draft.prefix.trim() === '' ? {} : { prefix: draft.prefix.trim() }),
      ...(system === '' ? {} : { identifierSystem: system }),
    },
    period: { column: draft.periodColumn, format: draft.periodFormat, type: draft.periodType },
    values: draft.values
      .filter((v) => v.include && v.dataElement.trim() !== '')
      .map((v) => ({ column: v.column, dataElement: v.dataElement.trim(), scale: v.scale })),
    ...(root === '' ? {} : { orgTree: { root: { code: root, name: { en: root } }, nameTemplate: '{code}' } }),
  };
}
