/**
 * Data approval per org unit × period × scorecard (issue 4): submit (data entry, stewards, approvers), approve
 * (approvers over the unit: the data of its subtree in that period locks, ./approval-locks.ts), reopen with a
 * reason (approvers). Each step is one audited transaction; the transitions are core/access/approval-workflow.ts.
 */
import { approvalOfEvaluation } from '../../core/access/approval-lock.ts';
import { type ApprovalAction, nextApprovalStatus } from '../../core/access/approval-workflow.ts';
import { APPROVE_ROLES, SUBMIT_ROLES } from '../../core/access/policy.ts';
import type {
  ApprovalKey,
  ApprovalResource,
  ApproveBody,
  ListApprovalsQuery,
} from '../../core/contracts/approvals.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { RuleViolationResource } from '../../core/contracts/data-quality.ts';
import type { EvaluationApproval } from '../../core/contracts/evaluation.ts';
import { conflict, forbidden, makeProblem } from '../../core/errors/problem.ts';
import { type Period, parsePeriod } from '../../core/periods/index.ts';
import {
  type ApprovalChange,
  type ApprovalRecord,
  findApproval,
  findApprovalForUpdate,
  insertApproval,
  listApprovals,
  loadApprovalsOfScorecard,
  updateApproval,
} from '../../db/repositories/approval.repository.ts';
import type { OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { ScorecardRecord } from '../../db/repositories/scorecard.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { violationsOfUnit } from '../data-quality/data-quality.service.ts';
import { loadQualityRules } from '../data-quality/quality-rules.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { readScope, requireReadableUnit, requireRoleOver } from './access.ts';
import { commitWrite } from './commit-write.ts';
import { isoTime, toPage } from './format.ts';
import { requireOrgUnit, requireScorecard } from './lookups.ts';

export function toApprovalResource(row: ApprovalRecord): ApprovalResource {
  return {
    scorecard: row.scorecardCode,
    orgUnit: row.orgUnitCode,
    period: row.periodId,
    status: row.status,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt === null ? null : isoTime(row.submittedAt),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt === null ? null : isoTime(row.decidedAt),
    reason: row.reason,
    updatedAt: isoTime(row.updatedAt),
  };
}

interface ResolvedKey {
  readonly scorecard: ScorecardRecord;
  readonly unit: OrgUnitRecord;
  readonly period: Period;
}

async function resolveKey(db: Executor, key: ApprovalKey): Promise<ResolvedKey> {
  return {
    scorecard: await requireScorecard(db, key.scorecard),
    unit: await requireOrgUnit(db, key.orgUnit),
    period: parsePeriod(key.period, ['period']),
  };
}

const ROLES_FOR: Readonly<Record<ApprovalAction, typeof SUBMIT_ROLES>> = {
  submit: SUBMIT_ROLES,
  approve: APPROVE_ROLES,
  reopen: APPROVE_ROLES,
};

/**
 * The violations of the scorecard's validation rules in the unit's data of the period: approving them needs
 * `acknowledgeViolations` (409 listing them otherwise).
 */
async function openViolations(
  ctx: ServerContext,
  { scorecard, unit, period }: ResolvedKey,
  acknowledged: boolean,
): Promise<RuleViolationResource[]> {
  const db = ctx.db.kysely;
  const rules = await loadQualityRules(db, [scorecard.code]);
  const { violations } = await violationsOfUnit(db, unit, period, rules);
  if (violations.length > 0 && !acknowledged) {
    const key = `${scorecard.code}/${unit.code}/${period.id}`;
    const problem = makeProblem(
      'conflict',
      'data-quality.open-violations',
      { key, count: violations.length },
      [],
    );
    throw new ExtendedProblemError(problem, { violations });
  }
  return violations;
}

async function decide(
  ctx: ServerContext,
  actor: Actor,
  key: ApprovalKey,
  action: ApprovalAction,
  reason: string | null,
  acknowledgeViolations = false,
): Promise<ApprovalResource> {
  const resolved = await resolveKey(ctx.db.kysely, key);
  const { scorecard, unit, period } = resolved;
  requireRoleOver(actor, ROLES_FOR[action], unit);
  const acknowledged = action === 'approve' ? await openViolations(ctx, resolved, acknowledgeViolations) : [];
  return commitWrite(ctx, actor, async (trx) => {
    await ensurePeriods(trx, [period]);
    const ids = { scorecardId: scorecard.id, orgUnitId: unit.id, periodId: period.id };
    const stored = await findApprovalForUpdate(trx, ids);
    const next = nextApprovalStatus(stored?.status ?? null, action);
    const entityKey = `${scorecard.code}/${unit.code}/${period.id}`;
    if (!next.ok) throw conflict(next.refusal, { key: entityKey });
    // Four eyes: whoever submitted the data does not approve it.
    if (action === 'approve' && stored?.submittedBy === actor.id) {
      throw forbidden('approval.own-submission', { key: entityKey });
    }
    const now = ctx.now();
    const change: ApprovalChange =
      action === 'submit'
        ? { status: next.status, submittedBy: actor.id, submittedAt: now, now }
        : { status: next.status, decidedBy: actor.id, decidedAt: now, reason, now };
    if (stored === undefined) await insertApproval(trx, { ...ids, rootId: unit.rootId }, change);
    else await updateApproval(trx, stored.id, change);
    const after = await findApproval(trx, ids);
    if (after === undefined) throw new Error(`approval ${entityKey} vanished`);
    return {
      result: toApprovalResource(after),
      audit: [
        {
          action,
          entity: 'data_approval',
          entityKey,
          oldValue: stored === undefined ? null : { status: stored.status },
          newValue:
            acknowledged.length === 0
              ? { status: after.status }
              : {
                  status: after.status,
                  acknowledgedViolations: acknowledged.map((v) => ({
                    rule: v.rule,
                    orgUnit: v.orgUnit,
                    period: v.period,
                    left: v.left,
                    operator: v.operator,
                    right: v.right,
                  })),
                },
          reason,
          orgUnitId: unit.id,
        },
      ],
      // Heard by the evaluation engines that keep approvals in memory (../evaluation/heard-approvals.ts).
      touched: [{ kind: 'approvals', rootId: unit.rootId }],
    };
  });
}

/** Submits a unit's data of a period for approval (entry, steward or approver over the unit). */
export function submitApproval(
  ctx: ServerContext,
  actor: Actor,
  key: ApprovalKey,
): Promise<ApprovalResource> {
  return decide(ctx, actor, key, 'submit', null);
}

/**
 * Approves submitted data: from now on it cannot change until reopened (approver over the unit, not the
 * submitter: 403 `approval.own-submission`). Data that still breaks the scorecard's validation rules is approved
 * only with `acknowledgeViolations` (409 `data-quality.open-violations` listing them); the audit keeps them.
 */
export function approveData(ctx: ServerContext, actor: Actor, input: ApproveBody): Promise<ApprovalResource> {
  const { acknowledgeViolations, ...key } = input;
  return decide(ctx, actor, key, 'approve', null, acknowledgeViolations === true);
}

/** Reopens submitted or approved data, saying why (approver over the unit); the reason is audited. */
export function reopenApproval(
  ctx: ServerContext,
  actor: Actor,
  input: ApprovalKey & { readonly reason: string },
): Promise<ApprovalResource> {
  return decide(ctx, actor, input, 'reopen', input.reason);
}

/** A page of approvals within the actor's scope (404 and 403 for a unit named in the filter). */
export async function listApprovalsPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListApprovalsQuery,
): Promise<Page<ApprovalResource>> {
  const db = ctx.db.kysely;
  const unit = input.orgUnit === undefined ? undefined : await requireReadableUnit(db, actor, input.orgUnit);
  const scorecardId =
    input.scorecard === undefined ? undefined : (await requireScorecard(db, input.scorecard)).id;
  const page = await listApprovals(
    db,
    {
      scorecardId,
      orgUnitId: unit !== undefined && !input.includeDescendants ? unit.id : undefined,
      subtreeOf: unit !== undefined && input.includeDescendants ? unit.path : undefined,
      periodId: input.period === undefined ? undefined : parsePeriod(input.period, ['period']).id,
      status: input.status,
      scope: readScope(actor),
    },
    input,
  );
  return toPage(page, input, toApprovalResource);
}

const NONE: EvaluationApproval = {
  status: 'none',
  orgUnit: null,
  period: null,
  decidedBy: null,
  decidedAt: null,
};

/**
 * The approval each evaluation rests on (core/access/approval-lock.ts `approvalOfEvaluation`), by unit code,
 * for units of one organisation of the scorecard the caller found (so that it is not read again). `load` reads
 * the scorecard's approvals in the organisation: by default from the database; the evaluations pass their
 * engine's, which keeps them in memory (../evaluation/heard-approvals.ts).
 */
export async function approvalsOfEvaluations(
  db: Executor,
  scorecard: { readonly id: number },
  units: readonly { readonly code: string; readonly path: string; readonly rootId: number }[],
  periodId: string,
  load: (scorecardId: number, rootId: number) => Promise<readonly ApprovalRecord[]> = (scorecardId, rootId) =>
    loadApprovalsOfScorecard(db, scorecardId, rootId),
): Promise<Map<string, EvaluationApproval>> {
  const result = new Map<string, EvaluationApproval>();
  const first = units[0];
  if (first === undefined) return result;
  const period = parsePeriod(periodId, ['period']);
  const approvals = await load(scorecard.id, first.rootId);
  for (const unit of units) {
    const found = approvalOfEvaluation(approvals, {
      scorecardId: scorecard.id,
      orgUnitPath: unit.path,
      periodId: period.id,
      periodStart: period.startDate,
      periodEnd: period.endDate,
    });
    result.set(
      unit.code,
      found === undefined
        ? NONE
        : {
            status: found.status,
            orgUnit: found.orgUnitCode,
            period: found.periodId,
            decidedBy: found.decidedBy,
            decidedAt: found.decidedAt === null ? null : isoTime(found.decidedAt),
          },
    );
  }
  return result;
}
