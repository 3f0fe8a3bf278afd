/**
 * A unit's name as a reader outside its hospital needs it, and its place in the tree (issue 17 §2). Every hospital
 * of a group has an "Internal medicine": listed beside other hospitals' departments (a group's rankings, heatmaps,
 * pickers) a department is named with its hospital, "Internal medicine · East branch" / "内科 · 东城分院", as
 * DHIS2 and ClearPoint show an org unit with its parent. Within its own hospital's view the hospital is left out.
 */
import { type Language, localize } from './i18n/languages.ts';

export interface LabelledUnit {
  readonly code: string;
  readonly name: { readonly en: string; readonly zh?: string | undefined };
  readonly type: string;
  readonly parent: string | null;
}

/** What joins a department's name and its hospital's, in both languages. */
export const UNIT_LABEL_SEPARATOR = ' · ';

type UnitIndex<U> = ReadonlyMap<string, U>;

function indexUnits<U extends LabelledUnit>(units: readonly U[]): UnitIndex<U> {
  return new Map(units.map((unit) => [unit.code, unit] as const));
}

function trailIn<U extends LabelledUnit>(code: string, byCode: UnitIndex<U>): U[] {
  const trail: U[] = [];
  const seen = new Set<string>();
  for (let unit = byCode.get(code); unit !== undefined && !seen.has(unit.code); ) {
    seen.add(unit.code);
    trail.unshift(unit);
    unit = unit.parent === null ? undefined : byCode.get(unit.parent);
  }
  return trail;
}

/**
 * The unit and its ancestors, top first (the group, the hospital, the department); a unit the list lacks ends
 * the chain (an ancestor outside what the server sent).
 *
 * @example unitTrail('B1-INT', units).map((unit) => unit.code) // ['UMG', 'B1', 'B1-INT']
 */
export function unitTrail<U extends LabelledUnit>(code: string, units: readonly U[]): U[] {
  return trailIn(code, indexUnits(units));
}

function labelIn(
  code: string,
  byCode: UnitIndex<LabelledUnit>,
  language: Language,
  within: string | null | undefined,
): string {
  const trail = trailIn(code, byCode);
  const unit = trail.at(-1);
  if (unit === undefined) return code;
  const name = localize(unit.name, language);
  // The nearest hospital above a department (or a smaller unit); hospitals and groups stand on their own.
  const hospital =
    unit.type === 'hospital' || unit.type === 'group'
      ? undefined
      : trail
          .slice(0, -1)
          .reverse()
          .find((ancestor) => ancestor.type === 'hospital');
  if (hospital === undefined) return name;
  if (within != null && trailIn(within, byCode).some((ancestor) => ancestor.code === hospital.code)) {
    return name;
  }
  return `${name}${UNIT_LABEL_SEPARATOR}${localize(hospital.name, language)}`;
}

/**
 * A unit's name, with its hospital's after it when the unit is a department (or a smaller unit) listed outside
 * its hospital's own context. `within`: the unit the page is about (the header's selection); when it is the
 * hospital or lies inside it, every unit listed belongs to that hospital and its name is left out. A code the
 * list lacks is shown as it is.
 *
 * @example unitLabel('B1-INT', units, 'zh-CN') // '内科 · 东城分院'
 * @example unitLabel('B1-INT', units, 'en', { within: 'B1' }) // 'Internal medicine'
 * @example unitLabel('B1', units, 'en') // 'East branch'
 */
export function unitLabel(
  code: string,
  units: readonly LabelledUnit[],
  language: Language,
  options: { readonly within?: string | null | undefined } = {},
): string {
  return labelIn(code, indexUnits(units), language, options.within);
}

/**
 * `unitLabel` for many units at once (a heatmap's rows, a ranking's bars): the tree is indexed once.
 *
 * @example unitLabeller(units, 'en', { within: 'UMG' })('B1-INT') // 'Internal medicine · East branch'
 */
export function unitLabeller(
  units: readonly LabelledUnit[],
  language: Language,
  options: { readonly within?: string | null | undefined } = {},
): (code: string) => string {
  const byCode = indexUnits(units);
  const cache = new Map<string, string>();
  return (code) => {
    const known = cache.get(code);
    if (known !== undefined) return known;
    const label = labelIn(code, byCode, language, options.within);
    cache.set(code, label);
    return label;
  };
}
