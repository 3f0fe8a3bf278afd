import { describe, expect, it } from 'vitest';
import { removeObjective } from './scorecard-edits.ts';
import { testFile } from './test-file.ts';
import { buildDesignerTree, selectionKey, selectionOf } from './tree-nodes.ts';

const keys = (nodes: ReturnType<typeof buildDesignerTree>): unknown =>
  nodes.map((n) => (n.children.length === 0 ? n.key : { [n.key]: keys(n.children) }));

describe('buildDesignerTree', () => {
  it('nests indicators under their objective, the rest under the perspective', () => {
    expect(keys(buildDesignerTree(testFile()))).toEqual([
      { scorecard: [{ 'p:F': [{ 'o:F:grow': ['i:f1'] }, 'i:f2'] }, { 'p:C': ['i:c1'] }] },
    ]);
  });

  it('moves an indicator up when its objective goes', () => {
    expect(keys(buildDesignerTree(removeObjective(testFile(), 'F', 'grow')))).toEqual([
      { scorecard: [{ 'p:F': ['i:f1', 'i:f2'] }, { 'p:C': ['i:c1'] }] },
    ]);
  });

  it('turns keys back into selections', () => {
    for (const selection of [
      { type: 'scorecard' },
      { type: 'perspective', id: 'F' },
      { type: 'objective', perspectiveId: 'F', id: 'a:b' },
      { type: 'indicator', id: 'x.y' },
    ] as const) {
      expect(selectionOf(selectionKey(selection))).toEqual(selection);
    }
  });
});
