/**
 * The strategy part of a scorecard file as the designer edits it: every objective (with the perspective it sits
 * in) and every link. Replacing it in a file gives the file to store as the scorecard's next version, checked
 * whole by the scorecard compiler like any imported file.
 */
import { badRequest } from '../errors/problem.ts';
import type { ObjectiveFile, ScorecardFile } from '../scorecard/scorecard-schema.ts';

export interface StrategyObjective extends ObjectiveFile {
  /** The perspective (lane) it belongs to. */
  readonly perspective: string;
}

export interface StrategyLink {
  readonly from: string;
  readonly to: string;
  readonly note?: string | undefined;
}

export interface Strategy {
  readonly objectives: readonly StrategyObjective[];
  readonly links: readonly StrategyLink[];
}

/**
 * The objectives and links of a file.
 *
 * @example strategyOf(file).objectives[0]?.perspective // 'F'
 */
export function strategyOf(file: ScorecardFile): Strategy {
  return {
    objectives: file.perspectives.flatMap((p) => p.objectives.map((o) => ({ ...o, perspective: p.id }))),
    links: (file.links ?? []).map((l) => ({ from: l.from, to: l.to, ...(l.note ? { note: l.note } : {}) })),
  };
}

/**
 * The file with its objectives and links replaced by `strategy` (each objective into its perspective, in the
 * order given). 400 `strategy.unknown-perspective` for an objective in a perspective the file does not have; the
 * rest (unknown link ends, duplicate ids) is the scorecard compiler's to report.
 *
 * @example applyStrategy(file, { objectives: [], links: [] }).links // undefined
 */
export function applyStrategy(file: ScorecardFile, strategy: Strategy): ScorecardFile {
  const known = new Set(file.perspectives.map((p) => p.id));
  strategy.objectives.forEach((objective, i) => {
    if (!known.has(objective.perspective)) {
      throw badRequest('strategy.unknown-perspective', { perspective: objective.perspective }, [
        'objectives',
        i,
        'perspective',
      ]);
    }
  });
  const perspectives = file.perspectives.map((p) => ({
    ...p,
    objectives: strategy.objectives
      .filter((o) => o.perspective === p.id)
      .map(({ perspective: _lane, ...objective }) => objective),
  }));
  const { links: _old, ...rest } = file;
  const links = strategy.links.map((l) => ({ from: l.from, to: l.to, ...(l.note ? { note: l.note } : {}) }));
  return { ...rest, perspectives, ...(links.length > 0 ? { links } : {}) };
}
