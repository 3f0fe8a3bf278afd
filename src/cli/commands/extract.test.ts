import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallExtractBytes, smallExtractDefinition } from '../../../test/fixtures/extracts/small-extract.ts';
import { capture } from '../../../test/fixtures/imports/capture-cli.ts';
import {
  createImportWorld,
  type ImportWorld,
  storedDataValues,
} from '../../../test/fixtures/imports/world.ts';
import { type Env, openDbSession } from '../db-session.ts';
import { runExtractCommand } from './import.ts';

let dir: string;
let env: Env;
let world: ImportWorld;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-cli-extract-'));
  env = { HEALTHBSC_DATA_DIR: join(dir, 'data') };
  const session = await openDbSession({ owner: 'test setup', env });
  try {
    world = await createImportWorld(session.db, 'cliex');
  } finally {
    await session.close();
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('healthbsc extract', () => {
  it('imports the aggregates of a gzip GB18030 extract and prints how many it made', async () => {
    const full = smallExtractDefinition(
      { cardiology: world.units.icu, orthopaedics: world.units.er },
      {
        discharges: world.elements.beds,
        readmissions: world.elements.pct,
        patients: 'UNUSED',
        cost: world.elements.occ,
      },
    );
    const definition = { ...full, elements: full.elements.filter((e) => e.dataElement !== 'UNUSED') };
    const file = join(dir, 'stays.csv.gz');
    await writeFile(file, await smallExtractBytes('gb18030-gzip'));
    const definitionFile = join(dir, 'stays.json');
    await writeFile(definitionFile, JSON.stringify(definition));
    const run = await capture(runExtractCommand, [file, '--definition', definitionFile], env);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toContain('15 rows read (extract, csv, gb18030): 15 to create');
    const session = await openDbSession({ owner: 'test', env });
    try {
      const stored = await storedDataValues({ ...world, ctx: session.ctx });
      expect(
        stored.filter((v) => v.dataElement === world.elements.pct).map((v) => [v.orgUnit, v.period, v.value]),
      ).toEqual([
        [world.units.er, '2024-01', 1],
        [world.units.er, '2024-02', 0],
        [world.units.er, '2024-03', 0],
        [world.units.icu, '2024-01', 2],
        [world.units.icu, '2024-03', 0],
      ]);
    } finally {
      await session.close();
    }
  });

  it('refuses to run without a definition', async () => {
    const run = await capture(runExtractCommand, [join(dir, 'x.csv')], env);
    expect([run.code, run.stderr[0]?.split('\n')[0]]).toEqual([2, 'extract needs --definition DEF']);
  });
});
