import { describe, expect, it, test } from 'vitest';
import { compileScorecard } from './compile-scorecard.ts';
import { readScorecardFile } from './read-scorecard-file.ts';
import type { ScorecardFileV1Input } from './scorecard-schema-v1.ts';
import { unitFromText, unitFromWords } from './units.ts';

/** A small @1 file; `patch` changes what a test needs. */
function v1File(patch: (file: ScorecardFileV1Input) => void = () => {}): ScorecardFileV1Input {
  const file: ScorecardFileV1Input = {
    format: 'healthbsc/scorecard@1',
    code: 'WARD',
    name: { en: 'Ward', zh: '病区' },
    dataElements: [
      { code: 'occupied', name: { en: 'Occupied bed days' }, unit: 'bed days' },
      { code: 'available', name: { en: 'Available bed days' }, unit: 'bed days' },
      { code: 'cost', name: { en: 'Cost' }, unit: '万元' },
    ],
    perspectives: [
      {
        id: 'I',
        name: { en: 'Internal process' },
        indicators: [
          {
            id: 'OCC',
            name: { en: 'Bed occupancy' },
            formula: { numerator: 'occupied', denominator: 'available', factor: 100 },
            unit: '%',
            owner: 'Medical affairs department',
          },
          { id: 'COST', name: { en: 'Cost' }, formula: 'cost', unit: 'g/L', owner: ' head@ward.example ' },
          {
            id: 'LOS',
            name: { en: 'Stay' },
            formula: 'occupied',
            unit: '%',
            owner: 'Medical affairs department',
          },
        ],
      },
    ],
    weights: {
      perspectives: { manual: { I: 1 } },
      indicators: { I: { manual: { OCC: 0.5, COST: 0.25, LOS: 0.25 } } },
    },
  };
  patch(file);
  return file;
}

function indicator(id: string, input: unknown = v1File()) {
  const { file } = readScorecardFile(input);
  return file.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id);
}

describe('converting a healthbsc/scorecard@1 file to @2', () => {
  it('names the new format and says so first', () => {
    const read = readScorecardFile(v1File());
    expect([read.format, read.file.format, read.notes[0]]).toEqual([
      'healthbsc/scorecard@1',
      'healthbsc/scorecard@2',
      {
        code: 'scorecard.converted',
        params: { from: 'healthbsc/scorecard@1', to: 'healthbsc/scorecard@2' },
        message: 'Converted from healthbsc/scorecard@1 to healthbsc/scorecard@2.',
      },
    ]);
  });

  it('gives a common unit both words, and one note naming every indicator that had it', () => {
    const read = readScorecardFile(v1File());
    expect(indicator('OCC')?.unit).toEqual({ en: '%', zh: '%' });
    expect(read.notes).toContainEqual({
      code: 'scorecard.v1-indicator-unit',
      params: { unit: '%', en: '%', zh: '%', ids: 'OCC, LOS' },
      message: "The unit '%' of OCC, LOS is now '%' in English and '%' in Chinese.",
    });
  });

  it('keeps a unit it cannot translate in both languages, and says so', () => {
    const read = readScorecardFile(v1File());
    expect(indicator('COST')?.unit).toEqual({ en: 'g/L', zh: 'g/L' });
    expect(read.notes).toContainEqual({
      code: 'scorecard.v1-indicator-unit-kept',
      params: { unit: 'g/L', ids: 'COST' },
      message: "The unit 'g/L' of COST has no known translation: it is kept as it is in both languages.",
    });
  });

  it("splits the data elements' units, from English or from Chinese", () => {
    const read = readScorecardFile(v1File());
    expect(read.file.dataElements.map((e) => e.unit)).toEqual([
      { en: 'bed days', zh: '床日' },
      { en: 'bed days', zh: '床日' },
      { en: '10,000 yuan', zh: '万元' },
    ]);
    expect(read.notes.filter((n) => n.code === 'scorecard.v1-element-unit').map((n) => n.params)).toEqual([
      { unit: 'bed days', en: 'bed days', zh: '床日', codes: 'occupied, available' },
      { unit: '万元', en: '10,000 yuan', zh: '万元', codes: 'cost' },
    ]);
  });

  it('keeps an owner that is an e-mail address as the owner, trimmed', () => {
    expect([indicator('COST')?.owner, indicator('COST')?.ownerName]).toEqual([
      'head@ward.example',
      undefined,
    ]);
  });

  it('moves an owner that is not an e-mail address to ownerName, and says so once per owner', () => {
    const read = readScorecardFile(v1File());
    expect([indicator('OCC')?.owner, indicator('OCC')?.ownerName]).toEqual([
      undefined,
      'Medical affairs department',
    ]);
    expect(read.notes.filter((n) => n.code === 'scorecard.v1-owner-name')).toEqual([
      {
        code: 'scorecard.v1-owner-name',
        params: { owner: 'Medical affairs department', ids: 'OCC, LOS' },
        message:
          "The owner 'Medical affairs department' of OCC, LOS is not an e-mail address: it moved to ownerName.",
      },
    ]);
  });

  it('passes the weights through as they are', () => {
    const file = v1File();
    expect(readScorecardFile(file).file.weights).toEqual(file.weights);
  });

  it('has nothing to say of a file with no units and no owners but the format', () => {
    const bare = v1File((f) => {
      f.dataElements = (f.dataElements ?? []).map(({ unit: _unit, ...e }) => e);
      for (const p of f.perspectives) p.indicators = p.indicators.map(({ unit: _u, owner: _o, ...i }) => i);
    });
    expect(readScorecardFile(bare).notes.map((n) => n.code)).toEqual(['scorecard.converted']);
  });

  it('reports the problems of an @1 file at their @1 paths, before converting', () => {
    const broken = v1File((f) => {
      const occ = f.perspectives[0]?.indicators[0];
      if (occ) Object.assign(occ, { unit: { en: '%', zh: '%' } });
    });
    expect(() => compileScorecard(broken)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          code: 'scorecard.invalid-file',
          issues: [expect.objectContaining({ path: ['perspectives', 0, 'indicators', 0, 'unit'] })],
        }),
      }),
    );
  });

  it('compiles and scores the converted file as the @1 file meant', () => {
    const compiled = compileScorecard(v1File());
    expect([
      compiled.format,
      compiled.conversion.length,
      compiled.perspectives[0]?.indicators.map((i) => i.weight),
      // converted, two element units, two indicator units, one owner
    ]).toEqual(['healthbsc/scorecard@1', 6, [0.5, 0.25, 0.25]]);
  });
});

describe('unitFromText', () => {
  test.each([
    ['%', { en: '%', zh: '%' }, true],
    ['Days', { en: 'Days', zh: '天' }, true],
    ['例', { en: 'cases', zh: '例' }, true],
    ['person-times', { en: 'person-times', zh: '人次' }, true],
    ['100 million yuan', { en: '100 million yuan', zh: '亿元' }, true],
    ['床', { en: 'beds', zh: '床' }, true],
    ['‰', { en: '‰', zh: '‰' }, true],
    [' mmHg ', { en: 'mmHg', zh: 'mmHg' }, false],
  ])('reads %s as %o (known: %s)', (text, unit, known) => {
    expect(unitFromText(text)).toEqual({ unit, known });
  });
});

describe('unitFromWords', () => {
  test.each([
    ['bed days', '床日', { en: 'bed days', zh: '床日' }],
    ['', '例', { en: 'cases', zh: '例' }],
    ['yuan', ' ', { en: 'yuan', zh: '元' }],
    ['mmHg', '', { en: 'mmHg', zh: 'mmHg' }],
    [' ', '', null],
  ])('reads %j and %j as %o', (en, zh, unit) => {
    expect(unitFromWords(en, zh)).toEqual(unit);
  });
});
