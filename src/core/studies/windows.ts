/**
 * The months a study compares: its baseline and follow-up windows, and the timeline from the baseline's first
 * month to the follow-up's last, on which the interrupted time series is fitted (the intervention splits it).
 */
import type { StudyFile, StudyWindow } from '../contracts/studies.ts';
import { badRequest } from '../errors/problem.ts';
import { comparePeriodIds, monthsOf, parsePeriod, periodRange } from '../periods/index.ts';

export interface StudyTimeline {
  readonly baseline: readonly string[];
  readonly followUp: readonly string[];
  /** Every month from the baseline's first to the follow-up's last. */
  readonly months: readonly string[];
  /** The first month of the intervention (the file's, else the month after the baseline). */
  readonly intervention: string;
  /** k: the number of months of the timeline before the intervention (the last pre-intervention point). */
  readonly interventionIndex: number;
}

/**
 * The months of a window, oldest first: a period's months, or every month from `from`'s first to `to`'s last.
 *
 * @example monthsOfWindow('2021Q1') // ['2021-01', '2021-02', '2021-03']
 * @example monthsOfWindow({ from: '2021-11', to: '2022Q1' }) // ['2021-11', '2021-12', '2022-01', '2022-02', '2022-03']
 */
export function monthsOfWindow(window: StudyWindow, path: readonly (string | number)[] = []): string[] {
  if (typeof window === 'string') return monthsOf(parsePeriod(window, path).id);
  const first = monthsOf(parsePeriod(window.from, [...path, 'from']).id)[0] ?? '';
  const last = monthsOf(parsePeriod(window.to, [...path, 'to']).id).at(-1) ?? '';
  if (comparePeriodIds(first, last) > 0) {
    throw badRequest('study.window-reversed', { from: window.from, to: window.to }, path);
  }
  return periodRange(first, last);
}

/**
 * The study's windows and timeline. The follow-up must start after the baseline ends, and the intervention
 * must fall after the baseline's first month and no later than the follow-up's last.
 *
 * @example studyTimeline({ baseline: '2021', followUp: '2024', … }).interventionIndex // 12 (intervention 2022-01)
 */
export function studyTimeline(
  file: Pick<StudyFile, 'baseline' | 'followUp' | 'intervention'>,
): StudyTimeline {
  const baseline = monthsOfWindow(file.baseline, ['baseline']);
  const followUp = monthsOfWindow(file.followUp, ['followUp']);
  const baselineEnd = baseline.at(-1) ?? '';
  const followUpStart = followUp[0] ?? '';
  if (comparePeriodIds(followUpStart, baselineEnd) <= 0) {
    throw badRequest('study.windows-overlap', { baseline: baselineEnd, followUp: followUpStart }, [
      'followUp',
    ]);
  }
  const months = periodRange(baseline[0] ?? '', followUp.at(-1) ?? '');
  const intervention = file.intervention ?? months[baseline.length] ?? followUpStart;
  const interventionIndex = months.indexOf(intervention);
  if (interventionIndex < 1) {
    throw badRequest('study.intervention-outside', { intervention }, ['intervention']);
  }
  return { baseline, followUp, months, intervention, interventionIndex };
}
