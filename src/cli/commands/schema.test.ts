/**
 * `healthbsc schema`: the JSON Schemas of the file formats, scorecard @2 by default and @1 on request.
 */
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../../test/run-cli.ts';

interface JsonSchema {
  readonly properties?: Record<string, JsonSchema>;
  readonly items?: JsonSchema;
  readonly const?: string;
  readonly type?: string;
  readonly required?: readonly string[];
  readonly anyOf?: readonly JsonSchema[];
}

/** The schema of a perspective's indicator, inside a scorecard file's schema. */
function indicatorSchema(schema: JsonSchema): JsonSchema | undefined {
  return schema.properties?.perspectives?.items?.properties?.indicators?.items;
}

describe('healthbsc schema scorecard', () => {
  it('prints format @2 by default: units by code or in both languages, validation rules, links', async () => {
    const schema = (await runCliJson(['schema', 'scorecard'])) as JsonSchema;
    const unit = indicatorSchema(schema)?.properties?.unit;
    expect({
      format: schema.properties?.format?.const,
      unit: unit?.anyOf?.map((variant) => [variant.type, variant.required]),
      parts: ['validationRules', 'links', 'periodType'].map((key) => key in (schema.properties ?? {})),
    }).toEqual({
      format: 'healthbsc/scorecard@2',
      unit: [
        ['string', undefined],
        ['object', ['en', 'zh']],
      ],
      parts: [true, true, true],
    });
  });

  it('prints format @1 with --format-version 1: a unit is one text', async () => {
    const schema = (await runCliJson(['schema', 'scorecard', '--format-version', '1'])) as JsonSchema;
    expect([schema.properties?.format?.const, indicatorSchema(schema)?.properties?.unit?.type]).toEqual([
      'healthbsc/scorecard@1',
      'string',
    ]);
  });

  it('prints the values file format', async () => {
    const schema = (await runCliJson(['schema', 'values'])) as JsonSchema;
    expect(schema.properties?.format?.const).toBe('healthbsc/values@1');
  });

  it('refuses a format version it does not know, with exit code 2', async () => {
    const run = await runCli(['schema', 'scorecard', '--format-version', '3']);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      "healthbsc schema: --format-version of a scorecard file is 1 or 2 (got '3')",
    ]);
  });
});
