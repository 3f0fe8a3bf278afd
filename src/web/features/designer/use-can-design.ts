/**
 * Whether the signed-in user designs scorecards (policy.ts `DESIGN_ROLES`, over any unit: the performance office
 * and administrators). The pages use it only to offer or hide the designer's writes; the server decides.
 */
import { DESIGN_ROLES } from '../../../core/access/policy.ts';
import { useSession } from '../../lib/api/session.ts';
import { holdsAny } from '../../lib/roles.ts';

export function useCanDesign(): boolean {
  const assignments = useSession().data?.user.assignments ?? [];
  return holdsAny(new Set(assignments.map((a) => a.role)), DESIGN_ROLES);
}
