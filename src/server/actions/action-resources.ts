/** Action rows as the contracts (core/contracts/actions.ts) show them. */
import { isActionOverdue } from '../../core/alerts/rules/action-overdue.ts';
import type { ActionResource } from '../../core/contracts/actions.ts';
import {
  type ActionRow,
  listCollaborators,
  listUsersByIds,
} from '../../db/repositories/action.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { latestCells, recentPeriods } from '../alerts/alert-inputs.ts';
import { loadScorecardFacts } from '../alerts/scorecard-facts.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { isoTime } from '../services/format.ts';

type UserRef = ActionResource['owner'];

/** The indicator's latest value of a unit now (the latest recent period with data). */
async function valuesNow(
  db: Executor,
  engine: EvaluationEngine,
  rows: readonly ActionRow[],
  now: Date,
): Promise<Map<number, { value: number | null; period: string | null }>> {
  const out = new Map<number, { value: number | null; period: string | null }>();
  const facts = new Map(
    (await loadScorecardFacts(db, [...new Set(rows.map((r) => r.scorecard_code))])).map((f) => [
      f.record.code,
      f,
    ]),
  );
  const cache = new Map<string, Awaited<ReturnType<typeof latestCells>>>();
  for (const row of rows) {
    const f = facts.get(row.scorecard_code);
    if (f === undefined) continue;
    const key = `${row.scorecard_code}\u0000${row.org_unit_id}`;
    let cells = cache.get(key);
    if (cells === undefined) {
      const unit = { id: row.org_unit_id, code: row.org_unit_code };
      cells = await latestCells(engine, row.scorecard_code, [unit], recentPeriods(f.periodType, now));
      cache.set(key, cells);
    }
    const cell = cells.find((c) => c.indicator === row.indicator);
    out.set(row.id, { value: cell?.actual ?? null, period: cell?.period ?? null });
  }
  return out;
}

export async function toActionResources(
  db: Executor,
  engine: EvaluationEngine,
  rows: readonly ActionRow[],
  now: Date,
): Promise<ActionResource[]> {
  const collaborators = await listCollaborators(
    db,
    rows.map((r) => r.id),
  );
  const users = new Map(
    (await listUsersByIds(db, [...rows.map((r) => r.owner_id), ...collaborators.map((c) => c.userId)])).map(
      (u) => [u.id, u],
    ),
  );
  const ref = (id: number): UserRef => users.get(id) ?? { id, email: '', name: null };
  const current = await valuesNow(db, engine, rows, now);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    scorecard: row.scorecard_code,
    indicator: row.indicator,
    orgUnit: row.org_unit_code,
    period: row.period_id,
    owner: ref(row.owner_id),
    collaborators: collaborators.filter((c) => c.actionId === row.id).map((c) => ref(c.userId)),
    dueDate: row.due_date,
    status: row.status,
    progress: row.progress,
    origin: row.origin,
    alertId: row.alert_id,
    objective: row.objective,
    valueAtOpening: row.value_at_opening,
    valueNow: current.get(row.id)?.value ?? null,
    valueNowPeriod: current.get(row.id)?.period ?? null,
    overdue: isActionOverdue({ status: row.status, dueDate: row.due_date }, now),
    createdBy: row.created_by,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    closedAt: row.closed_at === null ? null : isoTime(row.closed_at),
  }));
}
