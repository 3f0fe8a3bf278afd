/**
 * The daily alert digest (alert-digest.ts), at `hour` o'clock in the installation's time zone
 * (HEALTHBSC_ALERT_DIGEST_HOUR, HEALTHBSC_TIMEZONE). A run is for the day of its cron occurrence, so a retry or a
 * late start still sends that day's digest once.
 */
import type { JobDefinition } from '../jobs/job-definition.ts';
import { type DigestOptions, sendAlertDigests } from './alert-digest.ts';

export const DEFAULT_DIGEST_HOUR = 7;

export function alertDigestJob(options: DigestOptions & { readonly hour?: number }): JobDefinition {
  return {
    name: 'alert-digest',
    description: 'admin.jobs.catalog.alertDigest',
    cron: `0 ${options.hour ?? DEFAULT_DIGEST_HOUR} * * *`,
    timezone: options.timeZone,
    retry: { limit: 3, delaySeconds: 300, backoff: true },
    timeoutSeconds: 1800,
    handler: async ({ ctx, dueAt }) => sendAlertDigests(ctx, dueAt ?? ctx.now(), options),
  };
}
