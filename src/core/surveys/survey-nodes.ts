/**
 * The questions of a survey: a scorecard's hierarchy as comparison nodes (seed 002 §4.1: the dimensions first,
 * then the indicators of each dimension). A perspective weighed by objectives, or one whose indicators all
 * name one of its objectives when the strategist asks for objectives, gives three levels: perspectives, its
 * objectives, then each objective's indicators (format @2's `weights.objectives`).
 */
import type { SurveyNode, SurveyPair } from '../contracts/surveys.ts';
import type { PerspectiveFile, ScorecardFile } from '../scorecard/scorecard-schema.ts';

/** The key of the perspectives' node. */
export const PERSPECTIVES_NODE = 'perspectives';

/** Every pair (i < j) of n elements, row by row: n(n−1)/2 of them. */
export function pairsOf(n: number): SurveyPair[] {
  const pairs: SurveyPair[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push({ i, j });
  return pairs;
}

/** Whether a perspective is surveyed through its objectives: each objective has indicators, each indicator one. */
function byObjectives(
  file: ScorecardFile,
  perspective: PerspectiveFile,
  includeObjectives: boolean,
): boolean {
  if (file.weights.objectives?.[perspective.id] !== undefined) return true;
  if (!includeObjectives || perspective.objectives.length === 0) return false;
  const ids = new Set(perspective.objectives.map((o) => o.id));
  const everyIndicatorPlaced = perspective.indicators.every(
    (i) => i.objective !== undefined && ids.has(i.objective),
  );
  const everyObjectiveUsed = perspective.objectives.every((o) =>
    perspective.indicators.some((i) => i.objective === o.id),
  );
  return everyIndicatorPlaced && everyObjectiveUsed;
}

/**
 * The survey's nodes in the order an expert answers them: the perspectives, then per perspective its
 * objectives (when surveyed by objectives) and the indicator sets.
 *
 * @example buildSurveyNodes(azHospital, true).map((n) => n.key)
 * // ['perspectives', 'perspective:F', 'perspective:C', 'perspective:I', 'perspective:S', 'perspective:R']
 */
export function buildSurveyNodes(file: ScorecardFile, includeObjectives: boolean): SurveyNode[] {
  const nodes: SurveyNode[] = [
    {
      key: PERSPECTIVES_NODE,
      parent: null,
      parentElement: null,
      level: 'perspectives',
      title: { en: 'Perspectives', zh: '维度' },
      elements: file.perspectives.map((p) => ({ id: p.id, name: p.name })),
      pairs: pairsOf(file.perspectives.length),
    },
  ];
  for (const perspective of file.perspectives) {
    const key = `perspective:${perspective.id}`;
    const name = perspective.name;
    if (byObjectives(file, perspective, includeObjectives)) {
      nodes.push({
        key,
        parent: PERSPECTIVES_NODE,
        parentElement: perspective.id,
        level: 'objectives',
        title: { en: `Objectives of ${name.en}`, zh: `${name.zh ?? name.en}的目标` },
        elements: perspective.objectives.map((o) => ({ id: o.id, name: o.name })),
        pairs: pairsOf(perspective.objectives.length),
      });
      for (const objective of perspective.objectives) {
        const members = perspective.indicators.filter((i) => i.objective === objective.id);
        nodes.push({
          key: `objective:${objective.id}`,
          parent: key,
          parentElement: objective.id,
          level: 'indicators',
          title: {
            en: `Indicators of ${objective.name.en}`,
            zh: `${objective.name.zh ?? objective.name.en}的指标`,
          },
          elements: members.map((i) => ({ id: i.id, name: i.name })),
          pairs: pairsOf(members.length),
        });
      }
    } else {
      nodes.push({
        key,
        parent: PERSPECTIVES_NODE,
        parentElement: perspective.id,
        level: 'indicators',
        title: { en: `Indicators of ${name.en}`, zh: `${name.zh ?? name.en}的指标` },
        elements: perspective.indicators.map((i) => ({ id: i.id, name: i.name })),
        pairs: pairsOf(perspective.indicators.length),
      });
    }
  }
  return nodes;
}
