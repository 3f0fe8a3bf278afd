/**
 * `GET /api/health/ready` (no session): 200 once the server has finished its start-up work (migrations, the
 * demo, the value cubes of every organisation loaded), 503 with `Retry-After` before. For load balancers and
 * orchestrators: send traffic to a server only when it answers 200.
 */
import { z } from 'zod';

export const readinessSchema = z.object({
  status: z.literal('ready'),
  /** Seconds from the process's start to ready. */
  startupSeconds: z.number(),
});

export type Readiness = z.infer<typeof readinessSchema>;
