import { describe, expect, it } from 'vitest';
import { type ActionFields, actionChanges } from './action-changes.ts';

const before: ActionFields = {
  title: 'Cut waiting times',
  dueDate: '2027-01-03',
  status: 'in-progress',
  progress: 40,
  ownerId: 1,
  collaboratorIds: [2, 3],
};

describe('actionChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(actionChanges(before, { ...before })).toEqual({});
  });

  it('sends only the fields that changed', () => {
    expect(actionChanges(before, { ...before, dueDate: '2027-02-01', progress: 60 })).toEqual({
      dueDate: '2027-02-01',
      progress: 60,
    });
  });

  it('completes the progress when the action is marked done', () => {
    expect(actionChanges(before, { ...before, status: 'done' })).toEqual({ status: 'done', progress: 100 });
  });

  it('keeps a progress the user set while marking it done', () => {
    expect(actionChanges(before, { ...before, status: 'done', progress: 90 })).toEqual({
      status: 'done',
      progress: 90,
    });
  });

  it('trims the title', () => {
    expect(actionChanges(before, { ...before, title: '  Shorter waits ' })).toEqual({
      title: 'Shorter waits',
    });
  });

  it('sends a new owner', () => {
    expect(actionChanges(before, { ...before, ownerId: 4 })).toEqual({ ownerId: 4 });
  });

  it('sends nothing when the collaborators are the same in another order', () => {
    expect(actionChanges(before, { ...before, collaboratorIds: [3, 2] })).toEqual({});
  });

  it('sends the collaborators without the owner when they changed', () => {
    expect(actionChanges(before, { ...before, ownerId: 3, collaboratorIds: [2, 3, 5] })).toEqual({
      ownerId: 3,
      collaboratorIds: [2, 5],
    });
  });
});
