/**
 * The evaluation a page shows: today's computation, or, when the user chose "as published" (`?view=published`)
 * and the unit's score for the period was published, the published one (GET /api/evaluations?view=published).
 * Today's is read either way: it says whether there is a publication and whether today differs from it.
 */
import { useEvaluation } from './api/evaluations.ts';
import type { Selection } from './selection.ts';
import { useSearchParam } from './use-selection.ts';

export type EvaluationView = 'today' | 'published';

const VIEWS: readonly EvaluationView[] = ['today', 'published'];

export function useEvaluationView(selection: Selection | null) {
  const [asked, setView] = useSearchParam<EvaluationView>('view', VIEWS, 'today');
  const today = useEvaluation(selection);
  const published = today.data?.publication != null;
  const view: EvaluationView = asked === 'published' && published ? 'published' : 'today';
  const frozen = useEvaluation(view === 'published' && selection !== null ? { ...selection, view } : null);
  return { view, setView, today, shown: view === 'published' ? frozen : today };
}
