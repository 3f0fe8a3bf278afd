/**
 * What picking a library entry adds to a scorecard: the indicator (named in both languages, its formula, unit,
 * direction and scoring) and, for each data element the entry reads, whether the installation already has it
 * (same code, or the same name in either language) or it is to be created. A match by name renames the code in
 * the formula, so the indicator reads the element the hospital already collects.
 */

import type { FormulaNode } from '../formula/index.ts';
import { parseFormula } from '../formula/index.ts';
import type { FormulaFile } from '../scorecard/schema-parts.ts';
import type { IndicatorFile } from '../scorecard/scorecard-schema.ts';
import type { LibraryElement, LibraryEntry } from './library-entry.ts';

/** An element of the installation as the mapping needs it (GET /api/data-elements gives these fields). */
export interface CatalogElement {
  readonly code: string;
  readonly name: { readonly en: string; readonly zh?: string | null };
}

export interface ElementMapping {
  /** The code the entry uses. */
  readonly entryCode: string;
  /** The code the scorecard will use: the existing element's, or the entry's for a new one. */
  readonly code: string;
  readonly match: 'code' | 'name' | 'new';
  readonly element: LibraryElement;
}

export interface LibraryAddition {
  readonly indicator: IndicatorFile;
  readonly elements: readonly ElementMapping[];
  /** True for China's `monitor` indicators: added with `scored: false`, shown but given no weight or score. */
  readonly unscored: boolean;
}

/**
 * Plans adding `entry` to a scorecard whose indicator ids are `takenIds`, mapping its data elements to `catalog`.
 *
 * @example
 * planLibraryAddition(entry38, [{ code: 'outpatient_revenue', name: { en: 'Outpatient revenue', zh: '门诊收入' } }], [])
 *   .elements.map((m) => m.match) // ['code', 'new']: revenue exists, visits are created
 */
export function planLibraryAddition(
  entry: LibraryEntry,
  catalog: readonly CatalogElement[],
  takenIds: Iterable<string>,
): LibraryAddition {
  const byCode = new Map(catalog.map((c) => [c.code, c]));
  const byName = new Map<string, CatalogElement>();
  for (const c of catalog) {
    for (const name of [c.name.en, c.name.zh]) if (name) byName.set(normalise(name), c);
  }
  const elements = entry.dataElements.map((element): ElementMapping => {
    if (byCode.has(element.code))
      return { entryCode: element.code, code: element.code, match: 'code', element };
    const named = byName.get(normalise(element.name.zh)) ?? byName.get(normalise(element.name.en));
    if (named) return { entryCode: element.code, code: named.code, match: 'name', element };
    return { entryCode: element.code, code: element.code, match: 'new', element };
  });
  const renames = new Map(elements.filter((m) => m.code !== m.entryCode).map((m) => [m.entryCode, m.code]));
  const used = new Set(takenIds);
  let id = entry.id;
  for (let n = 2; used.has(id); n += 1) id = `${entry.id}_${n}`;
  const formula = entry.formula === null ? undefined : renameFormula(entry.formula, renames);
  const indicator: IndicatorFile = {
    id,
    name: { en: entry.name.en, zh: entry.name.zh },
    kind: entry.kind,
    ...(formula === undefined ? {} : { formula }),
    ...(entry.unit === null ? {} : { unit: { en: entry.unit.en, zh: entry.unit.zh } }),
    decimals: 2,
    direction: entry.direction === 'lower' ? 'lower' : 'higher',
    ...(entry.direction === 'monitor' ? { scored: false } : {}),
    description: entry.definition.en,
    source: entry.reference,
    ...(entry.scoring?.method === 'linear'
      ? {
          scoring: {
            method: 'linear' as const,
            floor: entry.direction === 'lower' ? entry.scoring.floor : -entry.scoring.floor,
          },
        }
      : {}),
  };
  return { indicator, elements, unscored: entry.direction === 'monitor' };
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The formula with element codes renamed (a renamed reference is written in braces, offsets kept). */
export function renameFormula(formula: FormulaFile, renames: ReadonlyMap<string, string>): FormulaFile {
  if (renames.size === 0) return formula;
  if (typeof formula === 'string') return renameSource(formula, renames);
  return {
    numerator: renameSource(formula.numerator, renames),
    denominator: renameSource(formula.denominator, renames),
    factor: formula.factor,
  };
}

function renameSource(source: string, renames: ReadonlyMap<string, string>): string {
  const parsed = parseFormula(source);
  if (!parsed.ok) return source;
  const refs: Extract<FormulaNode, { type: 'ref' }>[] = [];
  collectRefs(parsed.ast, refs);
  let result = source;
  for (const ref of refs.sort((a, b) => b.start - a.start)) {
    const to = renames.get(ref.code);
    if (to === undefined) continue;
    const text = ref.offset === undefined ? `{${to}}` : `{${to}}.periodOffset(${ref.offset})`;
    result = result.slice(0, ref.start) + text + result.slice(ref.end);
  }
  return result;
}

function collectRefs(node: FormulaNode, into: Extract<FormulaNode, { type: 'ref' }>[]): void {
  switch (node.type) {
    case 'ref':
      into.push(node);
      return;
    case 'unary':
      collectRefs(node.operand, into);
      return;
    case 'binary':
      collectRefs(node.left, into);
      collectRefs(node.right, into);
      return;
    case 'call':
      for (const arg of node.args) collectRefs(arg, into);
      return;
    default:
      return;
  }
}
