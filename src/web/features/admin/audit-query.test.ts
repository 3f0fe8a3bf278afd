import { describe, expect, it } from 'vitest';
import { auditQuery } from './audit-query.ts';

describe('auditQuery', () => {
  it('leaves out empty and blank filters and trims the rest', () => {
    expect(auditQuery({ actor: ' admin@demo.healthbsc ', entity: '', from: undefined })).toEqual({
      actor: 'admin@demo.healthbsc',
    });
  });

  it('asks for the subtree of a unit filter', () => {
    expect(auditQuery({ orgUnit: 'UMG-B1', entity: 'data_value' })).toEqual({
      orgUnit: 'UMG-B1',
      entity: 'data_value',
      includeDescendants: 'true',
    });
  });

  it('keeps the time window as given', () => {
    expect(auditQuery({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' })).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
  });
});

it('sends the search text trimmed, as q', () => {
  expect(auditQuery({ q: '  Cardiology ' })).toEqual({ q: 'Cardiology' });
});
