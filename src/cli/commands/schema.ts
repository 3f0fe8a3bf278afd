/**
 * `healthbsc schema scorecard|values [--format-version N]`: the JSON Schema of the file formats, for editors and
 * validators. Scorecard files are written in `healthbsc/scorecard@2`; `--format-version 1` prints the older
 * format, which is still read (docs/scorecard-format.md).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { importProfileSchema } from '../../core/contracts/import-profiles.ts';
import { studyFileSchema } from '../../core/contracts/studies.ts';
import { scorecardFileSchema, scorecardFileV1Schema, valuesFileSchema } from '../../core/scorecard/index.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';

export const SCHEMA_USAGE = `Usage: healthbsc schema scorecard|values|study|profile [--format-version 2|1]
Prints the JSON Schema of a scorecard file (format healthbsc/scorecard@2; --format-version 1 for the older
@1 format, still read and converted), of a values file (healthbsc/values@1) or of a study file
(healthbsc/study@1, docs/study-format.md) or of a mapping profile (healthbsc/profile@1, docs/profile-format.md).`;

const SCHEMAS: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>> = {
  scorecard: { '2': scorecardFileSchema, '1': scorecardFileV1Schema },
  values: { '1': valuesFileSchema },
  study: { '1': studyFileSchema },
  profile: { '1': importProfileSchema },
};

const LATEST: Readonly<Record<string, string>> = { scorecard: '2', values: '1', study: '1', profile: '1' };

export async function runSchema(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'format-version': { type: 'string' } },
  });
  const [which = ''] = positionals;
  const versions = SCHEMAS[which];
  if (!versions || positionals.length !== 1)
    throw new UsageError('name the schema: scorecard, values, study or profile', SCHEMA_USAGE);
  const version = values['format-version'] ?? LATEST[which] ?? '1';
  const schema = versions[version];
  if (!schema) {
    const known = Object.keys(versions).join(' or ');
    throw new UsageError(`--format-version of a ${which} file is ${known} (got '${version}')`, SCHEMA_USAGE);
  }
  io.out(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2));
  return 0;
}
