/**
 * What the scheduler stores as a run's data in pg-boss: the handler's payload, and why and for when the run
 * exists (the panel shows the trigger and the due time of the last run).
 */
import { z } from 'zod';
import { JOB_TRIGGERS } from '../../core/contracts/jobs.ts';

const runEnvelopeSchema = z.object({
  payload: z.record(z.string(), z.unknown()).catch({}),
  trigger: z.enum(JOB_TRIGGERS).catch('enqueue'),
  dueAt: z.iso.datetime().nullable().catch(null),
  requestedBy: z.string().nullable().catch(null),
});
export type RunEnvelope = z.infer<typeof runEnvelopeSchema>;

/**
 * A run's envelope as stored, read leniently (a row written by another version still shows).
 *
 * @example readRunEnvelope({ trigger: 'manual', requestedBy: '7' }).trigger // 'manual'
 */
export function readRunEnvelope(data: unknown): RunEnvelope {
  const parsed = runEnvelopeSchema.safeParse(data);
  return parsed.success ? parsed.data : { payload: {}, trigger: 'enqueue', dueAt: null, requestedBy: null };
}
