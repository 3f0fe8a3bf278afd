/**
 * How a scorecard file is split for storage and put back together: the structure (the file without
 * `weights`) and the `weights` block are stored as separate versions (migration 202611230500_platform).
 *
 * Structure versions stored before format @2 hold a `healthbsc/scorecard@1` document. They are kept as they
 * were written (versions are immutable) and read through the same conversion as an @1 file
 * (core/scorecard/read-scorecard-file.ts), so every reader, and every export, sees @2.
 */
import { z } from 'zod';
import {
  readScorecardFile,
  type ScorecardFile,
  type UnitOfMeasure,
  unitFromText,
  unitOfMeasureSchema,
} from '../../core/scorecard/index.ts';
import type {
  StructureVersionRecord,
  WeightVersionRecord,
} from '../../db/repositories/scorecard.repository.ts';
import type { JsonValue } from '../../db/schema.ts';

export type ScorecardStructure = Omit<ScorecardFile, 'weights'>;
export type ScorecardWeights = ScorecardFile['weights'];

/** The file without its `weights`, and the `weights`. */
export function splitScorecardFile(file: ScorecardFile): {
  structure: ScorecardStructure;
  weights: ScorecardWeights;
} {
  const { weights, ...structure } = file;
  return { structure, weights };
}

/**
 * The scorecard file of a structure version and a weight version, its keys in the format's order (jsonb keeps
 * its own). Throws if the stored documents no longer form a file, which would be a bug in what was stored.
 */
export function mergeScorecardFile(
  structure: StructureVersionRecord,
  weights: WeightVersionRecord,
): ScorecardFile {
  const definition = structure.definition;
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    throw new Error(`Stored scorecard structure version ${structure.version} is not an object.`);
  }
  return readScorecardFile({ ...definition, weights: weights.weights }).file;
}

/** What targets, reported values and assessments need to know about a scorecard's indicators. */
export interface IndicatorFacts {
  readonly id: string;
  readonly perspective: string;
  readonly kind: 'quantitative' | 'qualitative';
  readonly unit: UnitOfMeasure | null;
}

// Stored definitions were validated whole when imported; this reads only the fields needed, ignoring the rest.
const storedIndicatorsSchema = z.object({
  perspectives: z.array(
    z.object({
      id: z.string(),
      indicators: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(['quantitative', 'qualitative']).default('quantitative'),
          // One text in an @1 structure; both words, a unit code or a text as entered in @2.
          unit: z.union([z.string(), unitOfMeasureSchema]).optional(),
        }),
      ),
    }),
  ),
});

/** The indicators of a stored structure version, by id. */
export function indicatorsOfDefinition(definition: JsonValue): Map<string, IndicatorFacts> {
  const parsed = storedIndicatorsSchema.parse(definition);
  const indicators = new Map<string, IndicatorFacts>();
  for (const perspective of parsed.perspectives) {
    for (const indicator of perspective.indicators) {
      indicators.set(indicator.id, {
        id: indicator.id,
        perspective: perspective.id,
        kind: indicator.kind,
        unit:
          typeof indicator.unit === 'string' ? unitFromText(indicator.unit).unit : (indicator.unit ?? null),
      });
    }
  }
  return indicators;
}
