import { describe, expect, it } from 'vitest';
import { importKindSchema } from '../../../core/contracts/import.ts';
import {
  IMPORT_KINDS,
  importFields,
  isAcceptedFile,
  kindColumns,
  offersTemplate,
  scorecardNeed,
} from './import-kinds.ts';

describe('IMPORT_KINDS', () => {
  it('offers the contracts’ kinds in their order, each with its columns', () => {
    expect(IMPORT_KINDS).toEqual(importKindSchema.options);
    expect(IMPORT_KINDS.filter((kind) => kindColumns(kind) === '')).toEqual([]);
  });
});

describe('offersTemplate', () => {
  it('offers the data-entry template with data values only', () => {
    expect(IMPORT_KINDS.filter(offersTemplate)).toEqual(['data']);
  });
});

describe('importFields', () => {
  it('sends the reason to override rules of importance high with a commit, never with a check', () => {
    const settings = {
      kind: 'data',
      encoding: 'auto',
      scorecard: null,
      overrideReason: ' Checked with the clinic ',
    } as const;
    expect([
      importFields(settings, 'a.csv', false).overrideReason,
      importFields(settings, 'a.csv', true).overrideReason,
    ]).toEqual(['Checked with the clinic', undefined]);
  });

  it('sends dryRun explicitly and leaves the scorecard out for data values', () => {
    expect(importFields({ kind: 'data', encoding: 'auto', scorecard: 'UMG-BSC' }, '门诊.csv', true)).toEqual({
      dryRun: 'true',
      kind: 'data',
      encoding: 'auto',
      fileName: '门诊.csv',
    });
  });

  it('names the scorecard for targets and commits when asked', () => {
    expect(
      importFields({ kind: 'targets', encoding: 'gb18030', scorecard: 'UMG-BSC' }, 't.xlsx', false),
    ).toEqual({
      dryRun: 'false',
      kind: 'targets',
      encoding: 'gb18030',
      fileName: 't.xlsx',
      scorecard: 'UMG-BSC',
    });
  });

  it('cuts a file name to the 255 characters the server accepts', () => {
    const fields = importFields(
      { kind: 'data', encoding: 'auto', scorecard: null },
      `${'a'.repeat(300)}.csv`,
      true,
    );
    expect(fields.fileName).toHaveLength(255);
  });
});

describe('scorecardNeed', () => {
  it.each([
    ['data', 'none'],
    ['targets', 'required'],
    ['assessments', 'required'],
    ['reported', 'optional'],
    ['metadata', 'none'],
  ] as const)('%s → %s', (kind, need) => {
    expect(scorecardNeed(kind)).toBe(need);
  });
});

describe('isAcceptedFile', () => {
  it.each([
    ['values.CSV', 'data', true],
    ['values.xlsx', 'targets', true],
    ['scorecard.yaml', 'data', false],
    ['scorecard.yaml', 'metadata', true],
    ['units.json', 'metadata', true],
    ['notes.txt', 'metadata', false],
  ] as const)('%s as %s → %s', (name, kind, accepted) => {
    expect(isAcceptedFile(name, kind)).toBe(accepted);
  });
});
