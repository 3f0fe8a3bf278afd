/**
 * Runs the pulls whose schedule came due: for each enabled pull with a schedule, the latest occurrence in its
 * own time zone since the one last handled (`last_due_at`), read from the injected clock (../jobs/cron.ts, the
 * scheduler's own arithmetic). Older missed occurrences are skipped, as the scheduler skips them. An occurrence
 * is claimed before it runs, so two servers passing at once run it once; its run is recorded with `due_at`.
 */
import type { PullRunResource } from '../../core/contracts/pulls.ts';
import { claimPullOccurrence, listPullDefinitions } from '../../db/repositories/pull.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { latestDueOccurrence } from '../jobs/cron.ts';
import { previewPullSchedule } from './pull-calendar.ts';
import { runPull } from './pull-run.service.ts';

/**
 * Runs every pull due at `ctx.now()`, one after another; returns their runs.
 *
 * @example const runs = await runDuePulls(ctx, systemActor('job:pull-schedule')); // [] when none is due
 */
export async function runDuePulls(
  ctx: ServerContext,
  actor: Actor,
  signal?: AbortSignal,
): Promise<PullRunResource[]> {
  const db = ctx.db.kysely;
  const runs: PullRunResource[] = [];
  for (const pull of await listPullDefinitions(db, { scheduled: true })) {
    if (signal?.aborted === true) break;
    const now = ctx.now();
    if (pull.schedule === null) continue;
    let due: Date | null = null;
    try {
      due = latestDueOccurrence(
        previewPullSchedule,
        pull.schedule,
        pull.timeZone,
        pull.lastDueAt ?? pull.createdAt,
        now,
      );
    } catch {
      // A schedule that no longer reads (checked when saved): the pull is skipped, never the others.
      continue;
    }
    if (due === null) continue;
    if (!(await claimPullOccurrence(db, pull.id, pull.lastDueAt, due))) continue;
    runs.push(await runPull(ctx, actor, pull, { trigger: 'schedule', dryRun: false, dueAt: due }));
  }
  return runs;
}
