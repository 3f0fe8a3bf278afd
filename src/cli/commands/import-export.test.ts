import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { capture } from '../../../test/fixtures/imports/capture-cli.ts';
import {
  createImportWorld,
  type ImportWorld,
  storedDataValues,
} from '../../../test/fixtures/imports/world.ts';
import { acquireDataDirLock } from '../../db/data-dir-lock.ts';
import { readTable } from '../../ingest/index.ts';
import { type Env, openDbSession } from '../db-session.ts';
import { runExport } from './export.ts';
import { runImport } from './import.ts';

let dir: string;
let env: Env;
let world: ImportWorld;

/** The world as stored in the PGlite directory, read through a session of its own. */
async function stored() {
  const session = await openDbSession({ owner: 'test', env });
  try {
    return await storedDataValues({ ...world, ctx: session.ctx });
  } finally {
    await session.close();
  }
}

async function fileOf(name: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-cli-'));
  env = { HEALTHBSC_DATA_DIR: join(dir, 'data') };
  const session = await openDbSession({ owner: 'test setup', env });
  try {
    world = await createImportWorld(session.db, 'cli');
  } finally {
    await session.close();
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('healthbsc import', () => {
  it('prints a dry run report and writes nothing', async () => {
    const file = await fileOf(
      'dry.csv',
      `org_unit,period,data_element,value\n${world.units.icu},2024-03,${world.elements.beds},20\n`,
    );
    const run = await capture(runImport, [file, '--dry-run'], env);
    expect(run).toEqual({
      code: 0,
      stdout: [
        `${file}: 1 rows read (data, csv, utf-8): 1 to create, 0 to update, 0 unchanged`,
        'Dry run: nothing was written.',
      ],
      stderr: [],
    });
    expect(await stored()).toEqual([]);
  });

  it('lists every error as FILE:ROW column: reason, writes nothing and exits 2', async () => {
    const file = await fileOf(
      'bad.csv',
      `org_unit,period,data_element,value\n${world.units.icu},2024-03,${world.elements.beds},x\nNOPE,2024-03,${world.elements.beds},1\n`,
    );
    const run = await capture(runImport, [file], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      `${file}:2 value: non-numeric: "x" is not a plain number (write 1234.5; a % sign only where the unit is %)`,
      `${file}:3 org_unit: unknown org unit "NOPE"`,
    ]);
    expect(run.stdout.at(-1)).toBe('2 errors: nothing was written.');
    expect(await stored()).toEqual([]);
  });

  it('imports a GBK file, then recognises the same file and changes nothing', async () => {
    const text = `机构,期间,数据元,数值,备注\r\n重症医学科cli,2024-03,${world.elements.beds},30,月末\r\n`;
    const file = await fileOf('gbk.csv', iconv.encode(text, 'gbk'));
    const first = await capture(runImport, [file, '--encoding', 'gbk'], env);
    expect(first.code).toBe(0);
    expect(first.stdout[1]).toMatch(/^Imported as batch \d+ \(undo: POST \/api\/imports\/\d+\/undo\)\.$/);
    const batch = /batch (\d+)/.exec(first.stdout[1] ?? '')?.[1];
    const again = await capture(runImport, [file, '--encoding', 'gbk', '--json'], env);
    expect(JSON.parse(again.stdout.join('\n'))).toMatchObject({
      committed: false,
      unchanged: 1,
      sameAsBatchId: Number(batch),
    });
    expect((await stored()).map((v) => [v.orgUnit, v.value, v.comment])).toEqual([
      [world.units.icu, 30, '月末'],
    ]);
  });

  it('prints progress lines on stderr for a large file', async () => {
    // Units and elements no other test writes, so every row is new.
    const units = [world.units.root, world.units.er];
    const elements = [world.elements.beds, world.elements.occ];
    const rows = Array.from({ length: 40_000 }, (_v, i) => {
      const month = String((Math.floor(i / 4) % 12) + 1).padStart(2, '0');
      return `${units[i % 2]},${1900 + Math.floor(i / 48)}-${month},${elements[Math.floor(i / 2) % 2]},${i},`;
    });
    const file = await fileOf(
      'large.csv',
      `org_unit,period,data_element,value,comment\n${rows.join('\n')}\n`,
    );
    const run = await capture(runImport, [file, '--dry-run'], env);
    expect(run.stdout[0]).toBe(
      `${file}: 40,000 rows read (data, csv, utf-8): 40,000 to create, 0 to update, 0 unchanged`,
    );
    expect(run.stderr.some((line) => line.startsWith(`${file}: checking `) && line.endsWith(' rows'))).toBe(
      true,
    );
    expect(run.stderr.filter((line) => line.includes('reading')).at(-1)).toMatch(
      /reading [\d,]+ \/ [\d,]+ bytes$/,
    );
  });

  it('refuses to open a data directory another process holds', async () => {
    const lock = await acquireDataDirLock(join(dir, 'data'), 'the HealthBSC server');
    try {
      const file = await fileOf('locked.csv', 'org_unit,period,data_element,value\n');
      const run = await capture(runImport, [file], env);
      expect(run).toMatchObject({
        code: 2,
        stderr: [
          `the HealthBSC server (pid ${process.pid}) is using ${join(dir, 'data')}; stop it or use the HTTP API`,
        ],
      });
    } finally {
      await lock.release();
    }
  });

  it('refuses an unknown --type', async () => {
    const run = await capture(runImport, ['x.csv', '--type', 'people'], env);
    expect(run).toMatchObject({
      code: 2,
      stderr: [
        "--type must be one of data, targets, assessments, reported, metadata, extract (got 'people')",
      ],
    });
  });
});

describe('healthbsc export', () => {
  it('prints data values in the long import format', async () => {
    const run = await capture(
      runExport,
      [
        'data',
        '--org-unit',
        world.units.root,
        '--include-descendants',
        '--from',
        '2024-03',
        '--to',
        '2024-03',
      ],
      env,
    );
    expect(run.stdout).toEqual([
      'org_unit,period,data_element,value,comment',
      `${world.units.icu},2024-03,${world.elements.beds},30,月末`,
    ]);
  });

  it('writes an XLSX export to a file', async () => {
    const out = join(dir, 'values.xlsx');
    const run = await capture(
      runExport,
      ['data', '--format', 'xlsx', '--out', out, '--org-unit', world.units.icu],
      env,
    );
    expect(run.code).toBe(0);
    const table = await readTable(new Uint8Array(await readFile(out)));
    const rows = [];
    for await (const row of table.rows) rows.push(row.cells);
    expect(rows).toEqual([[world.units.icu, '2024-03', world.elements.beds, '30', '月末']]);
  });

  it('prints the scorecard file as YAML', async () => {
    const run = await capture(runExport, ['scorecard', world.scorecard], env);
    expect(parseYaml(run.stdout.join('\n'))).toMatchObject({
      code: world.scorecard,
      perspectives: [{ id: 'I' }],
    });
  });

  it('asks for --out before writing XLSX to the terminal', async () => {
    const run = await capture(
      runExport,
      ['targets', '--scorecard', world.scorecard, '--format', 'xlsx'],
      env,
    );
    expect(run).toMatchObject({ code: 2, stderr: ['an XLSX export needs --out FILE'] });
  });
});
