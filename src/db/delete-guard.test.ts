/**
 * data_value has no foreign keys (they cost four times the bulk-load speed, see the migration); these triggers
 * keep what the keys would have kept: a unit, data element or period that values use cannot be deleted.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';

describeEachEngine('deleting what data values use', (getDb) => {
  it('refuses to delete an org unit, a data element or a period with values, and allows it once they are gone', async () => {
    const db = getDb().kysely;
    const unit = await db
      .insertInto('org_unit')
      .values({ code: 'GUARD-H', name_en: 'H', name_zh: null, type: 'hospital', role: null, parent_id: null })
      .returning(['id', 'root_id'])
      .executeTakeFirstOrThrow();
    const element = await db
      .insertInto('data_element')
      .values({
        code: 'guard_beds',
        name_en: 'Beds',
        name_zh: null,
        unit: null,
        min_value: null,
        max_value: null,
        description: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('period')
      .values({ id: '2031-01', type: 'month', start_date: '2031-01-01', end_date: '2031-01-31' })
      .execute();
    await db
      .insertInto('data_value')
      .values({
        root_id: unit.root_id,
        org_unit_id: unit.id,
        data_element_id: element.id,
        period_id: '2031-01',
        value: 1,
        comment: null,
        import_batch_id: null,
        updated_by: 't',
      })
      .execute();

    for (const statement of [
      sql`delete from org_unit where id = ${unit.id}`,
      sql`delete from data_element where id = ${element.id}`,
      sql`delete from period where id = '2031-01'`,
    ]) {
      await expect(statement.execute(db)).rejects.toMatchObject({
        code: '23503',
        message: expect.stringMatching(/has data values; delete them first/),
      });
    }
    await db.deleteFrom('data_value').where('org_unit_id', '=', unit.id).execute();
    await sql`delete from period where id = '2031-01'`.execute(db);
    await sql`delete from data_element where id = ${element.id}`.execute(db);
    await sql`delete from org_unit where id = ${unit.id}`.execute(db);
    expect(await db.selectFrom('org_unit').select('id').where('id', '=', unit.id).execute()).toEqual([]);
  });
});
