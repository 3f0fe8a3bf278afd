/**
 * Org-unit lists (metadata imports in CSV or XLSX) on PGlite and PostgreSQL: a column the list lacks keeps what
 * is stored and an empty cell clears it (counted in the dry run), the encoding asked for is the one used, and
 * codes that start with a digit (US CMS Certification Numbers) stay the strings they are, through CSV, XLSX,
 * a data import and an evaluation.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/engines.ts';
import { createImportWorld, csv, type ImportWorld } from '../../../../test/fixtures/imports/world.ts';
import type { Db } from '../../../db/connect.ts';
import { EvaluationEngine } from '../../evaluation/evaluation-engine.ts';
import { commitImport, dryRunImport } from '../import.service.ts';

interface StoredUnit {
  readonly code: string;
  readonly parent: string | null;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly role: string | null;
  readonly sortOrder: number;
}

async function storedUnits(db: Db, codes: readonly string[]): Promise<StoredUnit[]> {
  const { rows } = await sql<StoredUnit>`
    select o.code, p.code as parent, o.name_en as "nameEn", o.name_zh as "nameZh", o.role,
           o.sort_order as "sortOrder"
    from org_unit o left join org_unit p on p.id = o.parent_id
    where o.code in (${sql.join(codes)}) order by o.code
  `.execute(db.kysely);
  return rows;
}

function importList(
  w: ImportWorld,
  bytes: Uint8Array,
  options: { dryRun?: boolean; encoding?: 'windows-1252' } = {},
) {
  const input = {
    bytes,
    fileName: 'units.csv',
    kind: 'metadata' as const,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  };
  return options.dryRun === true ? dryRunImport(w.ctx, w.actor, input) : commitImport(w.ctx, w.actor, input);
}

/** The first hospitals of CMS Care Compare's hospital_info.csv (PROVIDER_ID, hospital_name, city). */
const CMS_HOSPITALS = [
  ['010001', 'SOUTHEAST HEALTH MEDICAL CENTER'],
  ['010005', 'MARSHALL MEDICAL CENTERS'],
  ['010006', 'NORTH ALABAMA MEDICAL CENTER'],
  ['010007', 'MIZELL MEMORIAL HOSPITAL'],
] as const;

describeEachEngine('imports: org-unit lists', (getDb) => {
  it('keeps the stored Chinese names, roles and sort orders when the list has no such columns', async () => {
    const w = await createImportWorld(getDb(), 'oukeep');
    await getDb()
      .kysely.updateTable('org_unit')
      .set({ sort_order: 4 })
      .where('code', '=', w.units.icu)
      .execute();
    const report = await importList(
      w,
      csv(['code,parent,type,name_en', `${w.units.icu},${w.units.root},department,Intensive care`]),
    );
    expect([report.toUpdate, report.clears]).toEqual([1, []]);
    expect(await storedUnits(getDb(), [w.units.icu])).toEqual([
      {
        code: w.units.icu,
        parent: w.units.root,
        nameEn: 'Intensive care',
        nameZh: '重症医学科oukeep',
        role: null,
        sortOrder: 4,
      },
    ]);
  });

  it('finds nothing to change in a list without name_zh whose English names are as stored', async () => {
    const w = await createImportWorld(getDb(), 'ousame');
    const report = await importList(
      w,
      csv([
        'code,parent,type,name_en',
        `${w.units.icu},${w.units.root},department,Department ${w.units.icu}`,
      ]),
      { dryRun: true },
    );
    expect([report.toCreate, report.toUpdate, report.unchanged]).toEqual([0, 0, 1]);
  });

  it('says in the dry run that an empty name_zh cell will clear a stored Chinese name, and clears it', async () => {
    const w = await createImportWorld(getDb(), 'ouclear');
    const file = csv([
      'code,parent,type,name_en,name_zh',
      `${w.units.icu},${w.units.root},department,Department ${w.units.icu},`,
      `${w.units.er},${w.units.root},department,Department ${w.units.er},急诊科ouclear`,
    ]);
    const dryRun = await importList(w, file, { dryRun: true });
    expect([dryRun.toUpdate, dryRun.unchanged, dryRun.clears]).toEqual([
      1,
      1,
      [{ column: 'name_zh', count: 1 }],
    ]);
    await importList(w, file);
    expect((await storedUnits(getDb(), [w.units.er, w.units.icu])).map((u) => [u.code, u.nameZh])).toEqual([
      [w.units.er, '急诊科ouclear'],
      [w.units.icu, null],
    ]);
  });

  it('reads a Windows-1252 list with the encoding asked for, where detection would read GB18030', async () => {
    const w = await createImportWorld(getDb(), 'ou1252');
    // "ää" is E4 E4 in Windows-1252, a valid pair in GB 2312's area: undetectable, so the user names the encoding.
    const bytes = new Uint8Array(
      iconv.encode(`code,parent,type,name_en\r\nou1252_HYV,,hospital,Hyvinkään sairaala\r\n`, 'windows-1252'),
    );
    const detected = await importList(w, bytes, { dryRun: true });
    expect(detected.encoding).toBe('gb18030');
    const report = await importList(w, bytes, { encoding: 'windows-1252' });
    expect([report.encoding, report.toCreate]).toEqual(['windows-1252', 1]);
    expect((await storedUnits(getDb(), ['ou1252_HYV']))[0]?.nameEn).toBe('Hyvinkään sairaala');
  });

  it('imports hospitals whose codes start with a digit from CSV and evaluates one by its code', async () => {
    const w = await createImportWorld(getDb(), 'ouccn');
    const [first, second] = CMS_HOSPITALS;
    const report = await importList(
      w,
      csv([
        'code,parent,type,name_en',
        `${first[0]},,hospital,${first[1]}`,
        `${second[0]},,hospital,${second[1]}`,
      ]),
    );
    expect([report.errors, report.toCreate]).toEqual([[], 2]);
    expect((await storedUnits(getDb(), [first[0], second[0]])).map((u) => u.code)).toEqual([
      '010001',
      '010005',
    ]);
    await commitImport(w.ctx, w.actor, {
      bytes: csv([
        'org_unit,period,data_element,value',
        `010001,2024-03,${w.elements.beds},200`,
        `010001,2024-03,${w.elements.occ},170`,
      ]),
      fileName: 'ccn-values.csv',
      kind: 'data',
    });
    const evaluation = await new EvaluationEngine(getDb(), w.ctx.changes).evaluate({
      scorecard: w.scorecard,
      orgUnit: '010001',
      period: '2024-03',
    });
    const rate = evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === 'rate');
    expect([evaluation.orgUnit, rate?.actual]).toEqual(['010001', 85]);
  });

  it('imports the same codes from XLSX whose code cells are numbers formatted 000000', async () => {
    const w = await createImportWorld(getDb(), 'ouxlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hospitals');
    sheet.addRow(['code', 'parent', 'type', 'name_en']);
    // As Excel keeps a CCN typed into a column formatted 000000: the number 10006, shown 010006.
    sheet.addRow([10006, null, 'hospital', CMS_HOSPITALS[2][1]]);
    sheet.addRow([CMS_HOSPITALS[3][0], null, 'hospital', CMS_HOSPITALS[3][1]]);
    sheet.getColumn(1).numFmt = '000000';
    const report = await commitImport(w.ctx, w.actor, {
      bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
      fileName: 'hospitals.xlsx',
      kind: 'metadata',
    });
    expect([report.format, report.errors, report.toCreate]).toEqual(['xlsx', [], 2]);
    expect((await storedUnits(getDb(), ['010006', '010007'])).map((u) => [u.code, u.nameEn])).toEqual([
      ['010006', 'NORTH ALABAMA MEDICAL CENTER'],
      ['010007', 'MIZELL MEMORIAL HOSPITAL'],
    ]);
  });
});
