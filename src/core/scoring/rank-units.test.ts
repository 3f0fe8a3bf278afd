import { describe, expect, it } from 'vitest';
import { groupAboveMembers, rankUnits } from './rank-units.ts';

const hospital = (code: string, total: number | null) => ({ code, type: 'hospital', level: 2, total });
const department = (code: string, total: number | null) => ({ code, type: 'department', level: 3, total });

describe('rankUnits', () => {
  const units = [
    hospital('HEAD', 91.5),
    department('HEAD-INTM', 99.1),
    hospital('B1', 94.2),
    department('B1-SURG', 97),
    hospital('B2', null),
    department('B1-INTM', 99.1),
  ];

  it('ranks hospitals with hospitals and departments with departments by default', () => {
    expect(rankUnits(units, false).map((p) => [p.item.code, p.rank, p.cohort])).toEqual([
      ['B1', 1, 'hospital@2'],
      ['HEAD', 2, 'hospital@2'],
      ['B2', null, 'hospital@2'],
      ['HEAD-INTM', 1, 'department@3'],
      ['B1-INTM', 1, 'department@3'],
      ['B1-SURG', 3, 'department@3'],
    ]);
  });

  it('ranks all units together when mixing is asked for', () => {
    expect(rankUnits(units, true).map((p) => [p.item.code, p.rank, p.cohort])).toEqual([
      ['HEAD-INTM', 1, 'all'],
      ['B1-INTM', 1, 'all'],
      ['B1-SURG', 3, 'all'],
      ['B1', 4, 'all'],
      ['HEAD', 5, 'all'],
      ['B2', null, 'all'],
    ]);
  });

  it('separates units of one type at different levels', () => {
    const places = rankUnits(
      [hospital('A', 80), { code: 'C', type: 'hospital', level: 3, total: 90 }],
      false,
    );
    expect(places.map((p) => [p.item.code, p.rank, p.cohort])).toEqual([
      ['A', 1, 'hospital@2'],
      ['C', 1, 'hospital@3'],
    ]);
  });

  it('lists units without a total (insufficient data) last and unranked, in their given order', () => {
    const places = rankUnits([hospital('X', null), hospital('Y', 60), hospital('Z', null)], false);
    expect(places.map((p) => [p.item.code, p.rank])).toEqual([
      ['Y', 1],
      ['X', null],
      ['Z', null],
    ]);
  });
});

describe('groupAboveMembers', () => {
  const indicators = (a: number | null, b: number | null) => [
    { id: 'A', quantified: a, globalWeight: 0.5 },
    { id: 'B', quantified: b, globalWeight: 0.5 },
  ];

  it('names the indicator that lifts a group above its best member', () => {
    // Best member 90: A 1, B 0.8. The group's pooled B (0.92) is what puts it above: gap 0.5 × 0.12 = 0.06.
    const result = groupAboveMembers({ total: 96, indicators: indicators(1, 0.92) }, [
      { total: 90, indicators: indicators(1, 0.8) },
      { total: 80, indicators: indicators(0.7, 0.9) },
    ]);
    expect(result).toEqual({ indicator: 'B', bestMemberTotal: 90 });
  });

  it('is null when a member scores as high as the group', () => {
    const result = groupAboveMembers({ total: 90, indicators: indicators(1, 0.8) }, [
      { total: 90, indicators: indicators(1, 0.8) },
      { total: 70, indicators: indicators(0.7, 0.7) },
    ]);
    expect(result).toBeNull();
  });

  it('is null with fewer than two members that have a total', () => {
    const result = groupAboveMembers({ total: 96, indicators: indicators(1, 0.92) }, [
      { total: 90, indicators: indicators(1, 0.8) },
      { total: null, indicators: indicators(null, null) },
    ]);
    expect(result).toBeNull();
  });

  it('is null for a group without a total', () => {
    const result = groupAboveMembers({ total: null, indicators: indicators(null, null) }, [
      { total: 90, indicators: indicators(1, 0.8) },
      { total: 80, indicators: indicators(0.8, 0.8) },
    ]);
    expect(result).toBeNull();
  });
});
