/**
 * A unit's name where a page lists units (rankings, sub-units): a link to its scorecard when the reader may open
 * it, plain text otherwise; named with its hospital when it is a department seen from outside it
 * (lib/unit-label.ts).
 */
import { Link } from 'react-router';
import type { DrillDown } from '../lib/use-drill-down.ts';

export function UnitLink({
  code,
  name,
  drill,
  testId,
}: {
  readonly code: string;
  /** The server's name for the unit, shown when the unit list does not know it. */
  readonly name: string;
  readonly drill: Pick<DrillDown, 'label' | 'unitHref'>;
  readonly testId?: string;
}) {
  const label = drill.label(code);
  const shown = label === code ? name : label;
  const href = drill.unitHref(code);
  return href === null ? (
    <span data-testid={testId}>{shown}</span>
  ) : (
    <Link to={href} data-testid={testId} data-unit={code}>
      {shown}
    </Link>
  );
}
