/**
 * Pairwise completeness on real data (src/core/analytics/README.md, rule 4): NHS England's A&E 4-hour
 * performance for April 2021 from the trusts' monthly returns
 * (../shared/data/nhs_england_trusts/ae_trust_monthly_2021-04_to_2025-07.csv). Twelve of 153 trusts reported
 * attendances without the number over four hours; adding their attendances to the denominator gives 86.16 %,
 * leaving them out of both parts gives 84.54 %.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  aggregateUnitValues,
  buildOrgTree,
  COMMON_RULES,
  PairCoverage,
  unitCoverage,
  ValueCube,
} from '../../src/core/analytics/index.ts';
import { sharedData } from '../shared-data.ts';

const SOURCE = sharedData('nhs_england_trusts/ae_trust_monthly_2021-04_to_2025-07.csv');

interface Return {
  readonly trust: string;
  readonly attendances: number | null;
  readonly over4: number | null;
}

/** April 2021's rows, read naively (quoted texts and bare numbers; no commas inside fields). */
async function april2021(): Promise<Return[]> {
  const [header, ...lines] = (await readFile(SOURCE, 'utf8')).trim().split('\n');
  const names = (header ?? '').split(',').map((h) => h.replaceAll('"', ''));
  const at = (name: string) => names.indexOf(name);
  const number = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
  return lines
    .map((line) => line.split(',').map((cell) => cell.replaceAll('"', '')))
    .filter((cells) => cells[at('date')] === 'April 2021')
    .map((cells) => ({
      trust: cells[at('nhs_trust22_code')] ?? '',
      attendances: number(cells[at('total_attendances')]),
      over4: number(cells[at('attendances_over_4hours')]),
    }));
}

describe('NHS England A&E, April 2021', () => {
  async function england(pairs: boolean) {
    const returns = await april2021();
    const tree = buildOrgTree([
      { code: 'ENGLAND', parent: null },
      ...returns.map((r) => ({ code: r.trust, parent: 'ENGLAND' })),
    ]);
    const cube = new ValueCube({
      units: tree.codes,
      elements: ['over4', 'attendances'],
      months: ['2021-04'],
    });
    for (const r of returns) {
      if (r.over4 !== null) cube.setByCode(r.trust, 'over4', '2021-04', r.over4);
      if (r.attendances !== null) cube.setByCode(r.trust, 'attendances', '2021-04', r.attendances);
    }
    const table = new PairCoverage(tree.codes.length, 1);
    const [over4, attendances] = aggregateUnitValues(
      cube,
      tree,
      [COMMON_RULES.flow, COMMON_RULES.flow],
      {
        unit: 0,
        elements: [0, 1],
        months: [0],
        ...(pairs ? { pairs: [{ members: [0, 1], weight: 1 }] } : {}),
      },
      table,
    );
    const performance = 100 * (1 - (over4 ?? Number.NaN) / (attendances ?? Number.NaN));
    return { performance, coverage: pairs ? unitCoverage(tree, table, 0, 0) : null, returns };
  }

  it('counts 84.54 % within four hours over the trusts that report both', async () => {
    expect((await england(true)).performance).toBeCloseTo(84.544, 3);
  });

  it('would count 86.16 % with every trust’s attendances in the denominator', async () => {
    expect((await england(false)).performance).toBeCloseTo(86.161, 3);
  });

  it('names the twelve trusts left out and the share of attendances the others carry', async () => {
    const { coverage, returns } = await england(true);
    const missing = returns.filter((r) => r.attendances !== null && r.over4 === null).map((r) => r.trust);
    expect([coverage?.leftOut, coverage?.included.length, coverage?.share]).toEqual([
      missing,
      153 - 12,
      1_540_008 / 1_719_860,
    ]);
    expect(missing).toHaveLength(12);
  });
});
