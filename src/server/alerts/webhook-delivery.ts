/**
 * Sends the webhook deliveries that are due, one POST each, recording every attempt: a 2xx delivers it; any
 * other answer or a network error schedules the next attempt with backoff (webhook-formats.ts `retryAt`), until
 * the last attempt marks it failed. Run by the alert job, and right after an evaluation raises alerts.
 */

import { findAlertRow, listDueDeliveries, recordAttempt } from '../../db/repositories/alert.repository.ts';
import { findWebhook } from '../../db/repositories/alert-config.repository.ts';
import type { ServerContext } from '../context.ts';
import { alertMail } from './alert-mail.ts';
import { toAlertResource } from './alert-resources.ts';
import { retryAt, webhookRequest } from './webhook-formats.ts';

const TIMEOUT_MS = 10_000;

export async function deliverDueWebhooks(
  ctx: ServerContext,
  send: typeof fetch,
): Promise<{ delivered: number; retrying: number; failed: number }> {
  const db = ctx.db.kysely;
  const counts = { delivered: 0, retrying: 0, failed: 0 };
  for (const delivery of await listDueDeliveries(db, ctx.now())) {
    const hook = await findWebhook(db, delivery.webhook_id);
    const row = await findAlertRow(db, delivery.alert_id);
    if (hook === undefined || row === undefined) continue;
    const alert = toAlertResource(row);
    const text = alertMail(alert, 'zh-CN', '/').text;
    const request = webhookRequest(hook, alert, text, ctx.now());
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await send(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = response.status;
      await response.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const attempts = delivery.attempts + 1;
    const next = ok ? null : retryAt(attempts, ctx.now());
    const status = ok ? 'delivered' : next === null ? 'failed' : 'pending';
    await recordAttempt(db, delivery.id, {
      status,
      statusCode,
      error: ok ? null : (error ?? `HTTP ${statusCode}`),
      nextAttemptAt: next,
      deliveredAt: ok ? ctx.now() : null,
    });
    counts[ok ? 'delivered' : next === null ? 'failed' : 'retrying'] += 1;
  }
  return counts;
}
