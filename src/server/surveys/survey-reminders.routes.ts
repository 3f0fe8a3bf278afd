/** `/api/surveys/:id/reminders`: the deadline and automatic reminder, the reminders sent, and reminding now. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  reminderScheduleBodySchema,
  remindResultSchema,
  surveyParamsSchema,
  surveyRemindersSchema,
} from '../../core/contracts/surveys.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  getSurveyReminders,
  remindSurveyExperts,
  setSurveyReminderSchedule,
} from './survey-reminders.service.ts';
import { originOf } from './surveys.routes.ts';

const tags = ['surveys'];

export const surveyReminderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/surveys/:id/reminders',
    {
      schema: {
        tags,
        summary:
          "A survey's deadline, automatic reminder and the reminders sent (who, when, the mail's state)",
        params: surveyParamsSchema,
        response: { 200: surveyRemindersSchema, ...problemResponses(404) },
      },
    },
    async (request) => getSurveyReminders(app.ctx, getActor(request), request.params.id),
  );

  app.put(
    '/surveys/:id/reminders',
    {
      schema: {
        tags,
        summary:
          'Set the deadline and how many days before it the experts who have not submitted are reminded',
        params: surveyParamsSchema,
        body: reminderScheduleBodySchema,
        response: { 200: surveyRemindersSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) =>
      setSurveyReminderSchedule(app.ctx, getActor(request), {
        id: request.params.id,
        body: request.body,
        origin: originOf(request),
      }),
  );

  app.post(
    '/surveys/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Remind now, by e-mail with a new personal link, the experts who have not submitted',
        description:
          'A new round each time; in a round nobody is reminded twice. Experts without an address, or who submitted, are listed as skipped.',
        params: surveyParamsSchema,
        response: { 200: remindResultSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      remindSurveyExperts(app.ctx, getActor(request), { id: request.params.id, origin: originOf(request) }),
  );
};
