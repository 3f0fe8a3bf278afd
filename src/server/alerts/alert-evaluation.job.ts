/**
 * The scheduled evaluation of the alert rules: every 15 minutes, so that deadlines that pass and actions that
 * fall overdue raise their alerts without any data changing; and the webhook deliveries due.
 */

import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import type { JobDefinition } from '../jobs/job-definition.ts';
import { type AlertDeliveryOptions, evaluateAlerts } from './alert-evaluation.service.ts';
import { deliverDueWebhooks } from './webhook-delivery.ts';

export function alertEvaluationJob(
  engine: EvaluationEngine,
  options: AlertDeliveryOptions & { readonly fetch?: typeof fetch } = {},
): JobDefinition<{ scorecard?: string }> {
  return {
    name: 'alert-evaluation',
    description: 'admin.jobs.catalog.alertEvaluation',
    cron: '*/15 * * * *',
    retry: { limit: 2, delaySeconds: 60, backoff: true },
    timeoutSeconds: 1800,
    handler: async ({ ctx, data }) => {
      const evaluated = await evaluateAlerts(ctx, engine, data.scorecard, options);
      const deliveries = await deliverDueWebhooks(ctx, options.fetch ?? fetch);
      return { ...evaluated, ...deliveries };
    },
  };
}
