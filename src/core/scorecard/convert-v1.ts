/**
 * The move from `healthbsc/scorecard@1` to `@2`: a version-1 file becomes the version-2 file that means the
 * same, with a note for each change a reader should know about (the import's dry run shows them). Everything
 * version 2 adds is optional or defaults to version 1's behaviour, so only three things change:
 *
 * 1. `format` names version 2;
 * 2. a unit's one text becomes `{ en, zh }`: a common unit gets both words (units.ts), any other text is kept
 *    in both languages;
 * 3. an owner that is an e-mail address stays `owner`; any other text (a department) moves to `ownerName`.
 *
 * The weights block of version 1 is a valid version-2 block and passes through as it is (a version-1 file
 * read with version 2's weights, as readScorecardFile does for stored structures, keeps them too).
 */
import { note, type ProblemNote } from '../errors/problem.ts';
import { ownerEmailSchema, SCORECARD_FORMAT, type ScorecardFileInput } from './scorecard-schema.ts';
import type { ScorecardStructureV1 } from './scorecard-schema-v1.ts';
import { SCORECARD_FORMAT_V1 } from './scorecard-schema-v1.ts';
import { unitFromText } from './units.ts';

type IndicatorV1 = ScorecardStructureV1['perspectives'][number]['indicators'][number];
type IndicatorInput = ScorecardFileInput['perspectives'][number]['indicators'][number];
type DataElementInput = NonNullable<ScorecardFileInput['dataElements']>[number];

export interface ConvertedScorecard<F> {
  /** The version-2 file (its defaults are filled in when it is parsed). */
  readonly file: F;
  /** What changed, in the order of the file. */
  readonly notes: readonly ProblemNote[];
}

/** Collects the ids that share a change, so that a note names them together (`F2, F3, C1`). */
class Grouped<K> {
  readonly #groups = new Map<string, { key: K; ids: string[] }>();
  add(id: string, keyText: string, key: K): void {
    const group = this.#groups.get(keyText) ?? { key, ids: [] };
    group.ids.push(id);
    this.#groups.set(keyText, group);
  }
  entries(): { key: K; ids: string }[] {
    return [...this.#groups.values()].map((g) => ({ key: g.key, ids: g.ids.join(', ') }));
  }
}

interface UnitChange {
  readonly text: string;
  readonly en: string;
  readonly zh: string;
  readonly known: boolean;
}

/**
 * A version-1 file as the version-2 file that means the same, with the notes of what changed.
 *
 * @example convertScorecardV1(v1).file.perspectives[0].indicators[0].unit // { en: '%', zh: '%' } for unit: '%'
 */
export function convertScorecardV1(
  file: ScorecardStructureV1 & { readonly weights: ScorecardFileInput['weights'] },
): ConvertedScorecard<ScorecardFileInput> {
  const { weights, ...structure } = file;
  const converted = convertStructureV1(structure);
  return { file: { ...converted.file, weights }, notes: converted.notes };
}

/**
 * The structure of a version-1 file (the file without `weights`, as older imports stored it) as version 2.
 *
 * @example convertStructureV1(stored).file.format // 'healthbsc/scorecard@2'
 */
export function convertStructureV1(
  structure: ScorecardStructureV1,
): ConvertedScorecard<Omit<ScorecardFileInput, 'weights'>> {
  const indicatorUnits = new Grouped<UnitChange>();
  const elementUnits = new Grouped<UnitChange>();
  const owners = new Grouped<string>();

  const dataElements = structure.dataElements.map((element): DataElementInput => {
    const { unit, ...rest } = element;
    if (unit === undefined) return rest;
    const change = unitChange(unit);
    elementUnits.add(element.code, unit, change);
    return { ...rest, unit: { en: change.en, zh: change.zh } };
  });

  const perspectives = structure.perspectives.map((perspective) => ({
    ...perspective,
    indicators: perspective.indicators.map((indicator) =>
      convertIndicator(indicator, indicatorUnits, owners),
    ),
  }));

  const notes: ProblemNote[] = [
    note('scorecard.converted', { from: SCORECARD_FORMAT_V1, to: SCORECARD_FORMAT }),
  ];
  for (const { key, ids } of elementUnits.entries()) {
    notes.push(
      key.known
        ? note('scorecard.v1-element-unit', { unit: key.text, en: key.en, zh: key.zh, codes: ids })
        : note('scorecard.v1-element-unit-kept', { unit: key.text, codes: ids }),
    );
  }
  for (const { key, ids } of indicatorUnits.entries()) {
    notes.push(
      key.known
        ? note('scorecard.v1-indicator-unit', { unit: key.text, en: key.en, zh: key.zh, ids })
        : note('scorecard.v1-indicator-unit-kept', { unit: key.text, ids }),
    );
  }
  for (const { key, ids } of owners.entries())
    notes.push(note('scorecard.v1-owner-name', { owner: key, ids }));

  return {
    file: { ...structure, format: SCORECARD_FORMAT, dataElements, perspectives },
    notes,
  };
}

function unitChange(text: string): UnitChange {
  const { unit, known } = unitFromText(text);
  return { text, en: unit.en, zh: unit.zh, known };
}

function convertIndicator(
  indicator: IndicatorV1,
  units: Grouped<UnitChange>,
  owners: Grouped<string>,
): IndicatorInput {
  const { unit, owner, ...rest } = indicator;
  const out: IndicatorInput = { ...rest };
  if (unit !== undefined) {
    const change = unitChange(unit);
    units.add(indicator.id, unit, change);
    out.unit = { en: change.en, zh: change.zh };
  }
  if (owner !== undefined) {
    const email = owner.trim();
    if (ownerEmailSchema.safeParse(email).success) out.owner = email;
    else {
      owners.add(indicator.id, owner, owner);
      out.ownerName = owner;
    }
  }
  return out;
}
