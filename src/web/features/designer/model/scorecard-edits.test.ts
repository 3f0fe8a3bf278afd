import { describe, expect, it } from 'vitest';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import {
  addIndicator,
  addObjective,
  addPerspective,
  findIndicator,
  newIndicator,
  newScorecardFile,
  removeIndicator,
  removeObjective,
  removePerspective,
  sameFile,
  uniqueId,
  updateIndicator,
  updatePerspective,
  validateFile,
  withReferencedElements,
} from './scorecard-edits.ts';
import { testFile } from './test-file.ts';

const element = (code: string): DataElement => ({
  code,
  name: { en: code },
  valueType: 'number',
  unit: null,
  aggregation: 'sum',
  periodType: 'month',
  timeAggregation: 'sum',
  missingValues: null,
  min: 0,
  max: null,
  description: null,
  outliers: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('tree edits', () => {
  it('adds an indicator with weight 0, so the file stays valid', () => {
    const file = addIndicator(testFile(), 'C', { ...newIndicator('c2', 'C2'), formula: 'beds' });
    expect(file.perspectives[1]?.indicators.map((i) => i.id)).toEqual(['c1', 'c2']);
    expect(file.weights.indicators.C).toEqual({ manual: { c1: 1, c2: 0 } });
    expect(validateFile(file)).toEqual({ ok: true, issues: [] });
  });

  it('adds a monitored indicator (scored: false) without a weight, so the file stays valid', () => {
    const file = addIndicator(testFile(), 'C', {
      ...newIndicator('c2', 'C2'),
      formula: 'beds',
      scored: false,
    });
    expect(file.weights.indicators.C).toEqual({ manual: { c1: 1 } });
    expect(validateFile(file)).toEqual({ ok: true, issues: [] });
  });

  it('removes a monitored indicator and leaves its siblings’ weights as they are', () => {
    const added = addIndicator(testFile(), 'C', {
      ...newIndicator('c2', 'C2'),
      formula: 'beds',
      scored: false,
    });
    expect(removeIndicator(added, 'c2').weights.indicators.C).toEqual({ manual: { c1: 1 } });
  });

  it('takes the weight of an indicator made monitored and gives it to its siblings', () => {
    const file = testFile();
    const f2 = findIndicator(file, 'f2')?.indicator;
    if (!f2) throw new Error('fixture');
    const next = updateIndicator(file, 'f2', { ...f2, scored: false });
    expect([next.weights.indicators.F, validateFile(next).ok]).toEqual([{ manual: { f1: 1 } }, true]);
  });

  it('rebalances the objective’s weight set when an indicator of a perspective weighed by objectives is made monitored or scored again', () => {
    const base = testFile();
    const file: typeof base = {
      ...base,
      perspectives: base.perspectives.map((p, i) =>
        i === 0 ? { ...p, indicators: p.indicators.map((ind) => ({ ...ind, objective: 'grow' })) } : p,
      ),
      weights: {
        ...base.weights,
        objectives: { F: { manual: { grow: 1 } } },
        indicators: { grow: { manual: { f1: 0.75, f2: 0.25 } }, C: { manual: { c1: 1 } } },
      },
    };
    const f2 = findIndicator(file, 'f2')?.indicator;
    if (!f2) throw new Error('fixture');
    const monitored = updateIndicator(file, 'f2', { ...f2, scored: false });
    const scoredAgain = updateIndicator(monitored, 'f2', { ...f2, scored: true });
    expect([
      validateFile(file).ok,
      monitored.weights.indicators.grow,
      validateFile(monitored).ok,
      scoredAgain.weights.indicators.grow,
      validateFile(scoredAgain).ok,
      'F' in scoredAgain.weights.indicators,
    ]).toEqual([true, { manual: { f1: 1 } }, true, { manual: { f1: 1, f2: 0 } }, true, false]);
  });

  it('removes an indicator and renormalises its siblings', () => {
    const file = removeIndicator(testFile(), 'f2');
    expect(file.perspectives[0]?.indicators.map((i) => i.id)).toEqual(['f1']);
    expect(file.weights.indicators.F).toEqual({ manual: { f1: 1 } });
    expect(validateFile(file).ok).toBe(true);
  });

  it('removes an indicator from the objectives it measures and the strategy-map links that name it', () => {
    const measured = testFile();
    const file: typeof measured = {
      ...measured,
      perspectives: measured.perspectives.map((p, i) =>
        i === 0
          ? { ...p, objectives: [{ id: 'grow', name: { en: 'Grow' }, indicators: ['f1', 'f2', 'c1'] }] }
          : p,
      ),
      links: [
        { from: 'f2', to: 'grow' },
        { from: 'c1', to: 'f1' },
      ],
    };
    const removed = removeIndicator(file, 'f2');
    const renamed = updateIndicator(file, 'c1', {
      ...(findIndicator(file, 'c1')?.indicator ?? newIndicator('c1', 'C1')),
      id: 'c9',
    });
    expect({
      removed: [removed.perspectives[0]?.objectives[0]?.indicators, removed.links, validateFile(removed).ok],
      renamed: [renamed.perspectives[0]?.objectives[0]?.indicators, renamed.links],
    }).toEqual({
      removed: [['f1', 'c1'], [{ from: 'c1', to: 'f1' }], true],
      renamed: [
        ['f1', 'f2', 'c9'],
        [
          { from: 'f2', to: 'grow' },
          { from: 'c9', to: 'f1' },
        ],
      ],
    });
  });

  it('renames the weight entry when an indicator gets a new id', () => {
    const found = findIndicator(testFile(), 'f2');
    if (!found) throw new Error('f2 missing');
    const file = updateIndicator(testFile(), 'f2', {
      ...found.indicator,
      id: 'f2b',
      unit: { en: '%', zh: '%' },
    });
    expect(file.weights.indicators.F).toEqual({ manual: { f1: 0.75, f2b: 0.25 } });
    expect(findIndicator(file, 'f2b')?.indicator.unit).toEqual({ en: '%', zh: '%' });
    expect(validateFile(file).ok).toBe(true);
  });

  it('adds and removes a perspective with its weights', () => {
    const added = addPerspective(testFile(), 'L', 'Learning', 'l1');
    expect(added.weights.perspectives).toEqual({ manual: { F: 0.6, C: 0.4, L: 0 } });
    expect(added.weights.indicators.L).toEqual({ manual: { l1: 1 } });
    expect(validateFile(added).ok).toBe(true);
    const removed = removePerspective(testFile(), 'C');
    expect(removed.weights).toEqual({
      perspectives: { manual: { F: 1 } },
      indicators: { F: { manual: { f1: 0.75, f2: 0.25 } } },
    });
    expect(validateFile(removed).ok).toBe(true);
  });

  it('renames a perspective in both weight levels', () => {
    const file = updatePerspective(testFile(), 'C', { id: 'K', name: { en: 'Clients' }, kind: 'customer' });
    expect(file.perspectives[1]).toMatchObject({ id: 'K', name: { en: 'Clients' }, kind: 'customer' });
    expect(file.weights.perspectives).toEqual({ manual: { F: 0.6, K: 0.4 } });
    expect(Object.keys(file.weights.indicators)).toEqual(['F', 'K']);
    expect(validateFile(file).ok).toBe(true);
  });

  it('removing an objective detaches its indicators', () => {
    const file = removeObjective(addObjective(testFile(), 'F', { id: 'x', name: { en: 'X' } }), 'F', 'grow');
    expect(file.perspectives[0]?.objectives.map((o) => o.id)).toEqual(['x']);
    expect(file.perspectives[0]?.indicators[0]?.objective).toBeUndefined();
    expect(validateFile(file).ok).toBe(true);
  });

  it('finds a free id', () => {
    expect(uniqueId('new', ['a'])).toBe('new');
    expect(uniqueId('new', ['new', 'new_2'])).toBe('new_3');
  });
});

describe('validation', () => {
  it('makes a new scorecard that is valid as it stands', () => {
    const file = newScorecardFile(' NEW ', 'New card', '');
    expect([file.code, file.name]).toEqual(['NEW', { en: 'New card' }]);
    expect(validateFile(file)).toEqual({ ok: true, issues: [] });
  });

  it('reports an unknown data element with its path, as the server would', () => {
    const file = addIndicator(testFile(), 'C', { ...newIndicator('c2', 'C2'), formula: 'cots' });
    expect(validateFile(file)).toEqual({
      ok: false,
      issues: [
        {
          path: ['perspectives', 1, 'indicators', 1, 'formula'],
          code: 'formula.unknown-data-element',
          params: { code: 'cots' },
          message: "unknown data element 'cots'",
          position: 0,
        },
      ],
    });
  });

  it('declares the catalog elements a formula reads, so the file becomes valid', () => {
    const edited = addIndicator(testFile(), 'C', {
      ...newIndicator('c2', 'C2'),
      formula: { numerator: 'cots', denominator: 'beds', factor: 100 },
    });
    expect(validateFile(edited).ok).toBe(false);
    const file = withReferencedElements(edited, [element('cots'), element('other')]);
    expect(file.dataElements.map((d) => d.code)).toEqual(['visits', 'beds', 'cots']);
    expect(file.dataElements[2]).toEqual({
      code: 'cots',
      name: { en: 'cots' },
      valueType: 'number',
      aggregation: 'sum',
      timeAggregation: 'sum',
      min: 0,
    });
    expect(validateFile(file).ok).toBe(true);
  });

  it('sees no change when only the key order differs', () => {
    const file = testFile();
    const reversed = {
      ...file,
      perspectives: file.perspectives.map((p) => Object.fromEntries(Object.entries(p).reverse())),
    };
    const reordered: typeof file = JSON.parse(JSON.stringify(reversed));
    expect(Object.keys(reordered.perspectives[0] ?? {})[0]).toBe('indicators');
    expect(sameFile(file, reordered)).toBe(true);
    expect(sameFile(file, removeIndicator(file, 'f2'))).toBe(false);
  });
});
