/**
 * Which period the data-entry page submits and approves (issue 17: monthly reporting). The grid always shows the
 * year (or quarter) around the chosen period, but a chosen month is approved on its own: the server keys
 * approvals by any period and locks only the periods inside the approved one.
 */
import { tryParsePeriod } from '../../../core/periods/index.ts';

/**
 * The chosen period when it is a month, else the grid's span.
 *
 * @example approvalPeriodOf('2024-03', '2024') // '2024-03'
 * @example approvalPeriodOf('2024Q1', '2024Q1') // '2024Q1'
 */
export function approvalPeriodOf(chosen: string, span: string): string {
  return tryParsePeriod(chosen)?.type === 'month' ? chosen : span;
}
