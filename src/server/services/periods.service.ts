/**
 * Periods: any id core/periods accepts is a period (`GET` works whether or not data exist for it); the list
 * shows the periods that hold data.
 */
import type { Page } from '../../core/contracts/common.ts';
import type { ListPeriodsQuery, PeriodResource } from '../../core/contracts/periods.ts';
import { type Period, parsePeriod } from '../../core/periods/index.ts';
import { listPeriods } from '../../db/repositories/period.repository.ts';
import type { Actor, ServerContext } from '../context.ts';

function toPeriod(period: Period): PeriodResource {
  return {
    id: period.id,
    type: period.type,
    year: period.year,
    index: period.index,
    startDate: period.startDate,
    endDate: period.endDate,
  };
}

/** The period with this id (normalised: `2024q1` → `2024Q1`); 400 when it is not a period id. */
export async function getPeriod(
  _ctx: ServerContext,
  _actor: Actor,
  input: { readonly id: string },
): Promise<PeriodResource> {
  return toPeriod(parsePeriod(input.id, ['id']));
}

/** A page of the periods that hold data, in time order. */
export async function listPeriodsPage(
  ctx: ServerContext,
  _actor: Actor,
  input: ListPeriodsQuery,
): Promise<Page<PeriodResource>> {
  const from = input.from === undefined ? undefined : parsePeriod(input.from, ['from']);
  const to = input.to === undefined ? undefined : parsePeriod(input.to, ['to']);
  const page = await listPeriods(
    ctx.db.kysely,
    { type: input.type, startsOnOrAfter: from?.startDate, endsOnOrBefore: to?.endDate },
    input,
  );
  return {
    items: page.rows.map((row) => toPeriod(parsePeriod(row.id))),
    total: page.total,
    limit: input.limit,
    offset: input.offset,
  };
}
