/**
 * The header's search over lists the app already holds (the scorecard's indicators, the units the user reads,
 * the data elements): by code or by a fragment of either name, case-insensitive, so a Chinese fragment finds a
 * Chinese name and an English one an English name. Best matches first: the code itself, then a code or name
 * beginning with the text, then one containing it; within a rank, the lists' own order.
 */
export type SearchKind = 'indicator' | 'unit' | 'element';

export interface SearchEntry {
  readonly kind: SearchKind;
  readonly code: string;
  readonly name: { readonly en: string; readonly zh?: string | undefined };
  /** Shown after the name (a unit's parent, an indicator's scorecard). */
  readonly context?: string;
}

/** 0: the code itself; 1: a code or name that begins with the text; 2: one that contains it; null: no match. */
function rankOf(entry: SearchEntry, text: string): number | null {
  const code = entry.code.toLowerCase();
  if (code === text) return 0;
  const words = [code, entry.name.en.toLowerCase(), (entry.name.zh ?? '').toLowerCase()];
  if (words.some((word) => word.startsWith(text))) return 1;
  if (words.some((word) => word.includes(text))) return 2;
  return null;
}

/**
 * The entries that match `query`, at most `perKind` of each kind, kinds in the order indicators, units, data
 * elements; none for a blank query.
 *
 * @example searchEntries([{ kind: 'unit', code: 'UMG-B1', name: { en: 'East branch', zh: '东城分院' } }], '东城').map((e) => e.code) // ['UMG-B1']
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, perKind = 6): SearchEntry[] {
  const text = query.trim().toLowerCase();
  if (text === '') return [];
  const ranked = entries
    .map((entry, index) => ({ entry, index, rank: rankOf(entry, text) }))
    .filter((item): item is { entry: SearchEntry; index: number; rank: number } => item.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const kinds: readonly SearchKind[] = ['indicator', 'unit', 'element'];
  return kinds.flatMap((kind) =>
    ranked
      .filter((item) => item.entry.kind === kind)
      .slice(0, perKind)
      .map((item) => item.entry),
  );
}

/**
 * Whether a key press should focus the search box: Ctrl+K (⌘K) anywhere, "/" unless the user is typing.
 *
 * @example isSearchShortcut({ key: 'k', ctrlKey: true, metaKey: false }, false) // true
 * @example isSearchShortcut({ key: '/', ctrlKey: false, metaKey: false }, true) // false
 */
export function isSearchShortcut(
  event: { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean },
  typing: boolean,
): boolean {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !typing;
}
