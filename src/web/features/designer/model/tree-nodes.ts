/**
 * The designer's tree: scorecard → perspectives → objectives → indicators (indicators not under an objective
 * sit directly under their perspective). Keys name what a node selects, so a selection survives edits.
 */
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';

export type DesignerSelection =
  | { readonly type: 'scorecard' }
  | { readonly type: 'perspective'; readonly id: string }
  | { readonly type: 'objective'; readonly perspectiveId: string; readonly id: string }
  | { readonly type: 'indicator'; readonly id: string };

export interface DesignerTreeNode {
  readonly key: string;
  readonly kind: DesignerSelection['type'];
  readonly code: string;
  readonly name: { readonly en: string; readonly zh?: string };
  readonly children: DesignerTreeNode[];
}

export function selectionKey(selection: DesignerSelection): string {
  switch (selection.type) {
    case 'scorecard':
      return 'scorecard';
    case 'perspective':
      return `p:${selection.id}`;
    case 'objective':
      return `o:${selection.perspectiveId}:${selection.id}`;
    default:
      return `i:${selection.id}`;
  }
}

/** The selection a tree key stands for (the inverse of selectionKey). */
export function selectionOf(key: string): DesignerSelection {
  if (key.startsWith('p:')) return { type: 'perspective', id: key.slice(2) };
  if (key.startsWith('i:')) return { type: 'indicator', id: key.slice(2) };
  if (key.startsWith('o:')) {
    const [perspectiveId = '', ...rest] = key.slice(2).split(':');
    return { type: 'objective', perspectiveId, id: rest.join(':') };
  }
  return { type: 'scorecard' };
}

/**
 * @example buildDesignerTree(file)[0].children[0].key // 'p:F'
 */
export function buildDesignerTree(file: ScorecardFile): DesignerTreeNode[] {
  const perspectives = file.perspectives.map((p): DesignerTreeNode => {
    const indicator = (i: (typeof p.indicators)[number]): DesignerTreeNode => ({
      key: `i:${i.id}`,
      kind: 'indicator',
      code: i.id,
      name: i.name,
      children: [],
    });
    const objectiveIds = new Set(p.objectives.map((o) => o.id));
    return {
      key: `p:${p.id}`,
      kind: 'perspective',
      code: p.id,
      name: p.name,
      children: [
        ...p.objectives.map(
          (o): DesignerTreeNode => ({
            key: `o:${p.id}:${o.id}`,
            kind: 'objective',
            code: o.id,
            name: o.name,
            children: p.indicators.filter((i) => i.objective === o.id).map(indicator),
          }),
        ),
        ...p.indicators
          .filter((i) => i.objective === undefined || !objectiveIds.has(i.objective))
          .map(indicator),
      ],
    };
  });
  return [{ key: 'scorecard', kind: 'scorecard', code: file.code, name: file.name, children: perspectives }];
}
