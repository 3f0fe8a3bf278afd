/**
 * Survey reminders (migration 202612070101_survey_reminders): a survey's deadline and automatic reminder
 * schedule, and the experts reminded in each round (at most once per round: the primary key).
 */
import type { Executor } from './query-helpers.ts';

export interface ReminderSchedule {
  readonly deadline: Date | null;
  readonly remindDaysBefore: number | null;
  readonly publicOrigin: string | null;
}

export interface ReminderRecord {
  readonly round: string;
  readonly expertId: number;
  readonly recipient: string;
  readonly mailId: number;
  readonly sentBy: string;
  readonly createdAt: Date;
}

export async function findReminderSchedule(db: Executor, surveyId: number): Promise<ReminderSchedule> {
  const row = await db
    .selectFrom('survey')
    .select(['deadline', 'remind_days_before as remindDaysBefore', 'public_origin as publicOrigin'])
    .where('id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return row;
}

export async function updateReminderSchedule(
  db: Executor,
  surveyId: number,
  schedule: ReminderSchedule,
): Promise<void> {
  await db
    .updateTable('survey')
    .set({
      deadline: schedule.deadline,
      remind_days_before: schedule.remindDaysBefore,
      public_origin: schedule.publicOrigin,
    })
    .where('id', '=', surveyId)
    .execute();
}

/** Every reminder of a survey, oldest first. */
export async function listReminders(db: Executor, surveyId: number): Promise<ReminderRecord[]> {
  return db
    .selectFrom('survey_reminder')
    .select([
      'round',
      'expert_id as expertId',
      'recipient',
      'mail_id as mailId',
      'sent_by as sentBy',
      'created_at as createdAt',
    ])
    .where('survey_id', '=', surveyId)
    .orderBy('created_at')
    .orderBy('expert_id')
    .execute();
}

export async function insertReminder(
  db: Executor,
  surveyId: number,
  reminder: ReminderRecord,
): Promise<void> {
  await db
    .insertInto('survey_reminder')
    .values({
      survey_id: surveyId,
      round: reminder.round,
      expert_id: reminder.expertId,
      recipient: reminder.recipient,
      mail_id: reminder.mailId,
      sent_by: reminder.sentBy,
      created_at: reminder.createdAt,
    })
    .execute();
}

/**
 * Open surveys whose automatic reminder is due at `now`: a deadline still ahead, and `now` within its
 * `remind_days_before` days.
 */
export async function surveysDueForReminder(db: Executor, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('survey')
    .select(['id', 'deadline', 'remind_days_before as days'])
    .where('status', '=', 'open')
    .where('deadline', '>', now)
    .where('remind_days_before', 'is not', null)
    .orderBy('id')
    .execute();
  return rows
    .filter(
      (row) =>
        row.deadline !== null &&
        row.days !== null &&
        row.deadline.getTime() - row.days * 86_400_000 <= now.getTime(),
    )
    .map((row) => row.id);
}

/** The statuses of outbox mails by id (for the reminders list). */
export async function mailStatuses(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, 'queued' | 'sent' | 'failed' | 'not-configured'>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'status'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.status]));
}
