/**
 * The compiled serialiser writes what zod's encoding writes for the contracts it is used on: nullable objects,
 * optional properties, properties the contract does not name dropped, and a discriminated union by its tag.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rankingPageSchema } from '../../core/contracts/rankings.ts';
import { compiledResponse, jsonSchemaOf, serializerCompiler } from './compiled-serializer.ts';

function serializerOf(schema: z.ZodType): (data: unknown) => string {
  return serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });
}

const row = {
  rank: 1,
  orgUnit: 'H1',
  name: { en: 'Hospital 1', zh: '一院' },
  type: 'hospital',
  level: 2,
  cohort: 'hospital@2',
  role: null,
  total: 86.25,
  rating: 'Good',
  ratingCode: 'good',
  ratingLabel: null,
  coverage: 1,
  insufficientData: false,
};

describe('compiled serialiser', () => {
  it('turns a nullable object into one schema of two types', () => {
    const json = jsonSchemaOf(z.object({ a: z.object({ b: z.number() }).nullable() }));
    expect(json.properties).toMatchObject({
      a: {
        type: ['object', 'null'],
        properties: { b: { type: 'number' } },
        required: ['b'],
        additionalProperties: false,
      },
    });
  });

  it('writes a summary page as zod encoding and JSON.stringify do, unnamed properties dropped', () => {
    const page = { view: 'summary', items: [{ ...row, extra: 'x' }], total: 1, limit: 100, offset: 0 };
    const compiled = serializerOf(compiledResponse(rankingPageSchema))(page);
    expect(JSON.parse(compiled)).toEqual(JSON.parse(JSON.stringify(rankingPageSchema.encode(page as never))));
  });

  it('dispatches a discriminated union on its tag and refuses an unknown tag', () => {
    const serialize = serializerOf(compiledResponse(rankingPageSchema));
    const empty = { items: [], total: 0, limit: 1, offset: 0 };
    expect(serialize({ view: 'full', ...empty })).toBe(
      '{"items":[],"total":0,"limit":1,"offset":0,"view":"full"}',
    );
    expect(() => serialize({ view: 'other', ...empty })).toThrow('No response schema for view = other');
  });

  it('leaves a schema it was not asked to compile to zod, which checks the answer', () => {
    const schema = z.object({ n: z.number() });
    expect(() => serializerOf(schema)({ n: 'one' })).toThrow();
  });
});
