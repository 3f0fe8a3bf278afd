/**
 * The published figures a scheme reproduces, for the report's "where the method differs" section: the examples
 * that carry a `comparison` block (examples/az-hospital/values.yaml: seed 002's Tables 4.7, 4.9 and 4.14, with
 * why each figure differs). Keyed by scorecard code; a scheme without one has no such section.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { type ComparisonFile, valuesFileSchema } from '../../core/scorecard/index.ts';

const SOURCES: Readonly<Record<string, URL>> = {
  'AZ-HOSPITAL': new URL('../../../examples/az-hospital/values.yaml', import.meta.url),
};

const loaded = new Map<string, Promise<ComparisonFile | null>>();

/** The comparison block the scheme `scorecardCode` reproduces, or null. */
export function publishedSourceOf(scorecardCode: string): Promise<ComparisonFile | null> {
  const url = SOURCES[scorecardCode];
  if (url === undefined) return Promise.resolve(null);
  let found = loaded.get(scorecardCode);
  if (found === undefined) {
    found = readFile(url, 'utf8').then(
      (text) => valuesFileSchema.parse(parse(text)).comparison ?? null,
      () => null,
    );
    loaded.set(scorecardCode, found);
  }
  return found;
}
