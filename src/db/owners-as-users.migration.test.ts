/**
 * Migration 202612080001_owners_as_users on PGlite and PostgreSQL: a database migrated to just before it holds
 * a user and two stored structure versions (one @1, one @2) whose owners are written in other cases, as free
 * text, or as an address nobody has; the migration names the user by their address and keeps the rest as text.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { MIGRATIONS_FOLDER, migrateToLatest } from './migrate.ts';

const MIGRATION = '202612080001_owners_as_users';

const V1 = {
  format: 'healthbsc/scorecard@1',
  code: 'OWN1',
  perspectives: [
    {
      id: 'F',
      name: { en: 'Financial' },
      indicators: [
        { id: 'MATCHED', name: { en: 'A' }, owner: ' Head.Nurse@Hospital.example ' },
        { id: 'TEXT', name: { en: 'B' }, owner: 'Nursing department' },
        { id: 'NONE', name: { en: 'C' } },
      ],
    },
  ],
};

const V2 = {
  format: 'healthbsc/scorecard@2',
  code: 'OWN2',
  perspectives: [
    {
      id: 'I',
      name: { en: 'Internal' },
      objectives: [
        { id: 'BEDS', name: { en: 'Beds' }, owner: 'HEAD.NURSE@hospital.example', ownerName: 'Ward 3' },
        { id: 'FLOW', name: { en: 'Flow' }, owner: 'no.account@hospital.example' },
        { id: 'LEGACY', name: { en: 'Legacy' }, owner: 'Bed office', ownerName: 'Operations' },
      ],
      indicators: [{ id: 'OCC', name: { en: 'Occupancy' }, owner: 'Bed office' }],
    },
  ],
};

describeEachEngine(
  'migration: owners become users',
  (getDb) => {
    let applied: string[] = [];
    let before: string;

    beforeAll(async () => {
      before = await mkdtemp(join(tmpdir(), 'healthbsc-owners-'));
      for (const name of await readdir(MIGRATIONS_FOLDER)) {
        if (name.endsWith('.sql') && name < MIGRATION) {
          await writeFile(join(before, name), await readFile(join(MIGRATIONS_FOLDER, name)));
        }
      }
      const db = getDb().kysely;
      await migrateToLatest(getDb(), { folder: before });
      await db
        .insertInto('app_user')
        .values({ email: 'head.nurse@hospital.example', name: 'Head nurse', password_hash: '$argon2id$test' })
        .execute();
      for (const [code, definition] of [
        ['OWN1', V1],
        ['OWN2', V2],
      ] as const) {
        const { id } = await db
          .insertInto('scorecard')
          .values({ code, name_en: code })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('scorecard_version')
          .values({
            scorecard_id: id,
            version: 1,
            definition: JSON.stringify(definition),
            created_by: 'test',
          })
          .execute();
      }
      applied = (await migrateToLatest(getDb())).applied;
    });
    afterAll(async () => {
      await rm(before, { recursive: true, force: true });
    });

    const definitionOf = async (code: string) => {
      const row = await getDb()
        .kysely.selectFrom('scorecard_version as v')
        .innerJoin('scorecard as s', 's.id', 'v.scorecard_id')
        .select('v.definition')
        .where('s.code', '=', code)
        .executeTakeFirstOrThrow();
      return row.definition as typeof V2;
    };

    it('applies on a database holding owners (later migrations follow it)', () => {
      expect(applied[0]).toBe(MIGRATION);
    });

    it('names the user by their address in an @1 version and leaves free text for the @1 reading', async () => {
      const [perspective] = (await definitionOf('OWN1')).perspectives;
      expect(perspective?.indicators).toEqual([
        { id: 'MATCHED', name: { en: 'A' }, owner: 'head.nurse@hospital.example' },
        { id: 'TEXT', name: { en: 'B' }, owner: 'Nursing department' },
        { id: 'NONE', name: { en: 'C' } },
      ]);
    });

    it('names the user in an @2 version, keeps an address nobody has yet, moves other text to ownerName', async () => {
      const [perspective] = (await definitionOf('OWN2')).perspectives;
      expect([perspective?.objectives, perspective?.indicators]).toEqual([
        [
          { id: 'BEDS', name: { en: 'Beds' }, owner: 'head.nurse@hospital.example', ownerName: 'Ward 3' },
          { id: 'FLOW', name: { en: 'Flow' }, owner: 'no.account@hospital.example' },
          { id: 'LEGACY', name: { en: 'Legacy' }, ownerName: 'Operations (Bed office)' },
        ],
        [{ id: 'OCC', name: { en: 'Occupancy' }, ownerName: 'Bed office' }],
      ]);
    });
  },
  { migrate: false },
);
