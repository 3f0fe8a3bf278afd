/**
 * Response serialisation compiled from the contracts for the heavy answers (rankings, evaluations, series):
 * the zod response schema is turned into JSON Schema once (`z.toJSONSchema`, output side) and compiled by
 * fast-json-stringify, Fastify's own serialiser, instead of encoding every response with zod and then
 * `JSON.stringify` (up to 0.8 s of a 23 MB ranking). Like zod's encoding it writes only the properties the
 * contract names; unlike it, it does not check the answer: the routes build their answers from typed values.
 * Requests are still validated by zod (./zod-validation.ts). Every other response keeps the zod serialiser.
 */
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

const compiled = new WeakSet<z.ZodType>();

/**
 * Marks a response schema to be serialised by a compiled stringifier; returns it, so a route names
 * `compiledResponse(rankingPageSchema)` where it named the schema.
 */
export function compiledResponse<T extends z.ZodType>(schema: T): T {
  compiled.add(schema);
  return schema;
}

type Serialize = (data: unknown) => string;
type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema of a zod output, simplified where fast-json-stringify would otherwise validate every value to
 * choose a branch: `anyOf: [{ type: 'object', … }, { type: 'null' }]` (zod's nullable object) becomes
 * `{ type: ['object', 'null'], … }`.
 *
 * @example jsonSchemaOf(z.object({ a: z.object({ b: z.number() }).nullable() })).properties.a.type // ['object', 'null']
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
  return simplified(json) as JsonSchema;
}

function simplified(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplified);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = simplified(value);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullAt = anyOf.findIndex((s: unknown) => isType(s, 'null'));
    const other: unknown = anyOf[1 - nullAt];
    if (
      nullAt >= 0 &&
      typeof other === 'object' &&
      other !== null &&
      typeof Reflect.get(other, 'type') === 'string'
    ) {
      const { anyOf: _dropped, ...rest } = out;
      return { ...rest, ...other, type: [Reflect.get(other, 'type'), 'null'] };
    }
  }
  return out;
}

function isType(schema: unknown, type: string): boolean {
  return typeof schema === 'object' && schema !== null && Reflect.get(schema, 'type') === type;
}

/**
 * A compiled stringifier of a marked schema. A discriminated union is compiled per option and dispatched on
 * the discriminator, so no value is validated to find its branch.
 */
function compile(schema: z.ZodType): Serialize {
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const key = schema.def.discriminator;
    const byValue = new Map<unknown, Serialize>();
    for (const option of schema.options) {
      if (!(option instanceof z.ZodType)) continue;
      const serialize = fastJson(jsonSchemaOf(option));
      const literal = option instanceof z.ZodObject ? option.shape[key] : undefined;
      const values = literal instanceof z.ZodLiteral ? literal.values : new Set<unknown>();
      for (const value of values) byValue.set(value, serialize);
    }
    return (data) => {
      const value = typeof data === 'object' && data !== null ? Reflect.get(data, key) : undefined;
      const serialize = byValue.get(value);
      if (serialize === undefined) throw new Error(`No response schema for ${key} = ${String(value)}`);
      return serialize(data);
    };
  }
  return fastJson(jsonSchemaOf(schema));
}

/** Fastify's serializer compiler: compiled stringifiers for marked schemas, zod encoding for the rest. */
export const serializerCompiler: typeof zodSerializerCompiler = (route) => {
  const schema: unknown = route.schema;
  if (schema instanceof z.ZodType && compiled.has(schema)) return compile(schema);
  return zodSerializerCompiler(route);
};
