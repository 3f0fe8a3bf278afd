/**
 * Reminders by e-mail (issue "Expert weighting": progress, reminders, closing): experts of an open survey who
 * have not submitted get a mail, in their language, with a new personal link. On demand from the survey page
 * (a new round `manual-<n>` each time) and automatically `remindDaysBefore` days before the survey's deadline
 * (round `deadline`, by ./survey-reminder.job.ts). Each reminder is recorded (who, when, which mail) in the
 * transaction that queues the mail, and the primary key (survey, round, expert) makes a round remind nobody twice.
 */
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { ReminderScheduleBody, RemindResult, SurveyReminders } from '../../core/contracts/surveys.ts';
import { badRequest, conflict } from '../../core/errors/problem.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { insertSurveyLink, lockSurvey, revokeSurveyLinks } from '../../db/repositories/survey.repository.ts';
import {
  findReminderSchedule,
  insertReminder,
  listReminders,
  mailStatuses,
  surveysDueForReminder,
  updateReminderSchedule,
} from '../../db/repositories/survey-reminder.repository.ts';
import { randomToken, sha256Hex } from '../accounts/secrets.ts';
import type { Actor, ServerContext } from '../context.ts';
import { enqueueMail, isMailAddress } from '../mail/outbox.ts';
import { requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { reminderMail } from './reminder-mail.ts';
import { questionnairePath, SURVEY_TOKEN_PREFIX } from './survey-links.service.ts';
import { loadSurveyState, type SurveyState } from './survey-state.ts';

const DAY_MS = 86_400_000;
/** A reminder's link lives this long when the survey has no deadline ahead. */
const LINK_DAYS_WITHOUT_DEADLINE = 30;
/** The automatic round's name. */
export const DEADLINE_ROUND = 'deadline';

function deadlineText(deadline: Date | null): string | null {
  return deadline === null ? null : `${isoTime(deadline).slice(0, 16).replace('T', ' ')} UTC`;
}

/** The schedule and every reminder sent, oldest first (strategists). */
export async function getSurveyReminders(
  ctx: ServerContext,
  actor: Actor,
  id: number,
): Promise<SurveyReminders> {
  requireSomeRole(actor, DESIGN_ROLES);
  const db = ctx.db.kysely;
  const state = await loadSurveyState(db, id);
  const schedule = await findReminderSchedule(db, id);
  const reminders = await listReminders(db, id);
  const statuses = await mailStatuses(
    db,
    reminders.map((r) => r.mailId),
  );
  const names = new Map(state.experts.map((e) => [e.id, e.name]));
  return {
    deadline: schedule.deadline === null ? null : isoTime(schedule.deadline),
    remindDaysBefore: schedule.remindDaysBefore,
    reminders: reminders.map((r) => ({
      round: r.round,
      expertId: r.expertId,
      expert: names.get(r.expertId) ?? String(r.expertId),
      recipient: r.recipient,
      sentBy: r.sentBy,
      sentAt: isoTime(r.createdAt),
      mailStatus: statuses.get(r.mailId) ?? null,
    })),
  };
}

/**
 * Sets the deadline and the automatic reminder (`origin`: the web origin links in reminders start with). A
 * deadline must lie ahead; days before need a deadline. Audited.
 */
export async function setSurveyReminderSchedule(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly body: ReminderScheduleBody; readonly origin: string },
): Promise<SurveyReminders> {
  requireSomeRole(actor, DESIGN_ROLES);
  const now = ctx.now();
  const deadline = input.body.deadline === null ? null : new Date(input.body.deadline);
  if (deadline !== null && deadline <= now) {
    throw badRequest('survey.deadline-past', { deadline: isoTime(deadline) }, ['deadline']);
  }
  if (deadline === null && input.body.remindDaysBefore !== null) {
    throw badRequest('survey.reminder-days-without-deadline', {}, ['remindDaysBefore']);
  }
  await commitWrite(ctx, actor, async (trx) => {
    await lockSurvey(trx, input.id);
    const state = await loadSurveyState(trx, input.id);
    if (state.record.status !== 'open') throw conflict('survey.closed', { id: input.id });
    const before = await findReminderSchedule(trx, input.id);
    const after = { deadline, remindDaysBefore: input.body.remindDaysBefore, publicOrigin: input.origin };
    await updateReminderSchedule(trx, input.id, after);
    return {
      result: undefined,
      audit: [
        {
          action: 'update',
          entity: 'survey_reminder_schedule',
          entityKey: String(input.id),
          oldValue: {
            deadline: before.deadline === null ? null : isoTime(before.deadline),
            remindDaysBefore: before.remindDaysBefore,
          },
          newValue: {
            deadline: deadline === null ? null : isoTime(deadline),
            remindDaysBefore: after.remindDaysBefore,
          },
        },
      ],
      touched: [],
    };
  });
  return getSurveyReminders(ctx, actor, input.id);
}

/** How many judgments an expert has given, and how many the survey asks. */
function progressOf(state: SurveyState, expertId: number): { answered: number; pairs: number } {
  let answered = 0;
  let pairs = 0;
  const answers = state.answers.get(expertId);
  for (const node of state.nodes) {
    pairs += node.pairs.length;
    answered += (answers?.get(node.key) ?? []).filter((v) => v !== null).length;
  }
  return { answered, pairs };
}

/** The next on-demand round of a survey: `manual-<n+1>` after n earlier ones. */
async function nextManualRound(trx: Executor, surveyId: number): Promise<string> {
  const rounds = new Set(
    (await listReminders(trx, surveyId)).map((r) => r.round).filter((round) => round.startsWith('manual-')),
  );
  return `manual-${rounds.size + 1}`;
}

/**
 * Reminds, in `trx`, the experts of `round` who have not submitted, have an address and were not reminded in
 * this round: a new link each (their earlier ones revoked), a mail queued, a reminder row. The caller holds the
 * survey's lock.
 */
async function remindRound(
  trx: Executor,
  ctx: ServerContext,
  actor: Actor,
  state: SurveyState,
  round: string,
  origin: string,
): Promise<RemindResult> {
  const now = ctx.now();
  const schedule = await findReminderSchedule(trx, state.record.id);
  const already = new Set(
    (await listReminders(trx, state.record.id)).filter((r) => r.round === round).map((r) => r.expertId),
  );
  const expiresAt =
    schedule.deadline !== null && schedule.deadline > now
      ? schedule.deadline
      : new Date(now.getTime() + LINK_DAYS_WITHOUT_DEADLINE * DAY_MS);
  const reminded: RemindResult['reminded'] = [];
  const skipped: RemindResult['skipped'] = [];
  for (const expert of state.experts) {
    const who = { expertId: expert.id, expert: expert.name };
    if (expert.submittedAt !== null) skipped.push({ ...who, reason: 'answered' });
    else if (expert.email === null || !isMailAddress(expert.email))
      skipped.push({ ...who, reason: 'no-email' });
    else if (already.has(expert.id)) skipped.push({ ...who, reason: 'already-reminded' });
    else {
      const language = expert.language ?? state.record.language;
      const token = randomToken(SURVEY_TOKEN_PREFIX);
      await revokeSurveyLinks(trx, expert.id, now, actor.id);
      await insertSurveyLink(trx, {
        expertId: expert.id,
        tokenHash: sha256Hex(token),
        createdBy: actor.id,
        now,
        expiresAt,
      });
      const words = reminderMail(language, {
        expert: expert.name,
        title: state.record.title,
        scorecard:
          language === 'zh-CN' && state.record.scorecardNameZh !== null
            ? state.record.scorecardNameZh
            : state.record.scorecardNameEn,
        ...progressOf(state, expert.id),
        deadline: deadlineText(schedule.deadline),
        link: `${origin}${questionnairePath(token)}`,
      });
      const mailId = await enqueueMail(
        trx,
        { to: expert.email, language, subject: words.subject, text: words.text, kind: 'survey-reminder' },
        now,
      );
      await insertReminder(trx, state.record.id, {
        round,
        expertId: expert.id,
        recipient: expert.email,
        mailId,
        sentBy: actor.id,
        createdAt: now,
      });
      reminded.push({ ...who, recipient: expert.email });
    }
  }
  return { round, reminded, skipped };
}

async function commitRound(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  origin: string | null,
  round: (trx: Executor) => Promise<string>,
): Promise<RemindResult> {
  const result = await commitWrite(ctx, actor, async (trx) => {
    await lockSurvey(trx, id);
    const state = await loadSurveyState(trx, id);
    if (state.record.status !== 'open') throw conflict('survey.closed', { id });
    const base = origin ?? (await findReminderSchedule(trx, id)).publicOrigin ?? '';
    const outcome = await remindRound(trx, ctx, actor, state, await round(trx), base);
    return {
      result: outcome,
      audit:
        outcome.reminded.length === 0
          ? []
          : [
              {
                action: 'remind',
                entity: 'survey',
                entityKey: String(id),
                newValue: {
                  round: outcome.round,
                  experts: outcome.reminded.map((r) => r.expertId),
                  // Their earlier links were revoked: each reminder carries a new one.
                  linksReplaced: outcome.reminded.length,
                },
              },
            ],
      touched: [],
    };
  });
  if (result.reminded.length > 0) ctx.mail?.wake();
  return result;
}

/** Reminds now (a new round) the experts who have not submitted. 409 when the survey is closed. */
export async function remindSurveyExperts(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly origin: string },
): Promise<RemindResult> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitRound(ctx, actor, input.id, input.origin, (trx) => nextManualRound(trx, input.id));
}

/**
 * The job's work: each open survey within `remindDaysBefore` days of its deadline reminds, once (round
 * `deadline`), the experts who have not submitted. Returns how many experts were reminded.
 */
export async function remindBeforeDeadlines(ctx: ServerContext, actor: Actor): Promise<number> {
  let reminded = 0;
  for (const id of await surveysDueForReminder(ctx.db.kysely, ctx.now())) {
    const result = await commitRound(ctx, actor, id, null, async () => DEADLINE_ROUND);
    reminded += result.reminded.length;
  }
  return reminded;
}
