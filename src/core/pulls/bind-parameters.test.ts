import { describe, expect, test } from 'vitest';
import { bindPeriodParameters } from './bind-parameters.ts';

const QUERY =
  'select unit, count(*) from stays where discharged >= :period_start and discharged < :period_end group by unit';

describe('bindPeriodParameters', () => {
  test.each([
    ['postgres', 'discharged >= $1 and discharged < $2'],
    ['mysql', 'discharged >= ? and discharged < ?'],
    ['sqlserver', 'discharged >= @p1 and discharged < @p2'],
    ['oracle', 'discharged >= :1 and discharged < :2'],
  ] as const)('%s placeholders replace the names', (dialect, where) => {
    const bound = bindPeriodParameters(QUERY, dialect);
    expect(bound.sql).toContain(where);
    expect(bound.parameters).toEqual(['period_start', 'period_end']);
  });

  test('names in literals, quoted identifiers and comments stay text; casts stay casts', () => {
    const sql = `select ':period_start', "x:period_end", d::date -- :period_end\nfrom t /* :period_start */ where d = :period_start`;
    expect(bindPeriodParameters(sql, 'postgres')).toEqual({
      sql: `select ':period_start', "x:period_end", d::date -- :period_end\nfrom t /* :period_start */ where d = $1`,
      parameters: ['period_start'],
    });
  });

  test('a name used twice is bound twice', () => {
    expect(bindPeriodParameters('select :period_end, :period_end', 'mysql').parameters).toEqual([
      'period_end',
      'period_end',
    ]);
  });

  test('a longer name that starts like a parameter is not one', () => {
    expect(bindPeriodParameters('select :period_start_x', 'postgres').parameters).toEqual([]);
  });
});
