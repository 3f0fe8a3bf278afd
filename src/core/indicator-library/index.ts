/**
 * The indicator library (issue 17 §3): built-in entries from China's tertiary public hospital appraisal (56),
 * seed 002 (31), the AHRQ Quality Indicators and the CMS FHIR eCQM hospital measures, generated once by
 * scripts/build-indicator-library.ts; searching them; and planning what picking one adds to a scorecard.
 */
import { AHRQ_QI_ENTRIES } from './data/ahrq-qi.ts';
import { CMS_ECQM_ENTRIES } from './data/cms-ecqm.ts';
import { CN_TERTIARY_ENTRIES } from './data/cn-tertiary.ts';
import { SEED_002_ENTRIES } from './data/seed-002.ts';
import type { LibraryEntry, LibrarySource } from './library-entry.ts';

export * from './library-entry.ts';
export * from './plan-addition.ts';

/** Every built-in entry: China's 56 first (the designer's most common pick in Chinese hospitals), then seed 002's. */
export const BUILT_IN_LIBRARY: readonly LibraryEntry[] = [
  ...CN_TERTIARY_ENTRIES,
  ...SEED_002_ENTRIES,
  ...AHRQ_QI_ENTRIES,
  ...CMS_ECQM_ENTRIES,
];

export interface LibraryFilter {
  /** Words matched, case-insensitively, in the id, both names, the definition and the category. */
  readonly q?: string;
  readonly source?: LibrarySource;
  readonly perspective?: LibraryEntry['perspective'];
}

/**
 * The entries that match every given filter, in their order.
 *
 * @example searchLibrary(BUILT_IN_LIBRARY, { q: '门诊次均费用' }).map((e) => e.id) // ['cn-tertiary-38', 'cn-tertiary-39', 'seed-002-C5']
 */
export function searchLibrary(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const words = (filter.q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return entries.filter((entry) => {
    if (filter.source !== undefined && entry.source !== filter.source) return false;
    if (filter.perspective !== undefined && entry.perspective !== filter.perspective) return false;
    if (words.length === 0) return true;
    const text = [
      entry.id,
      entry.name.en,
      entry.name.zh,
      entry.definition.en,
      entry.definition.zh,
      entry.category.en,
      entry.category.zh,
    ]
      .join('\n')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
