/** `healthbsc schema scorecard|values`: the JSON Schema of the file formats, for editors and validators. */
import { z } from 'zod';
import { scorecardFileSchema, valuesFileSchema } from '../../core/scorecard/index.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';

export const SCHEMA_USAGE = 'Usage: healthbsc schema scorecard|values';

export async function runSchema(args: readonly string[], io: Io): Promise<number> {
  const [which] = args;
  const schema = which === 'scorecard' ? scorecardFileSchema : which === 'values' ? valuesFileSchema : null;
  if (!schema || args.length !== 1)
    throw new UsageError('name the schema: scorecard or values', SCHEMA_USAGE);
  io.out(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2));
  return 0;
}
