/**
 * Who is acting: the one place a request becomes an Actor (the services' `actor`). The accounts plugin
 * (../accounts/accounts.plugin.ts) has authenticated the request before any handler runs; this turns its
 * principal into the Actor, with the client's address (behind a reverse proxy, the forwarded one when
 * `HEALTHBSC_TRUST_PROXY` names the proxy). A request without a principal is a 401.
 */
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../../core/errors/problem.ts';
import type { Actor } from '../context.ts';

export function getActor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (auth === null) throw unauthorized('access.sign-in-first');
  return Object.freeze({ id: auth.principal.userId, address: request.ip, principal: auth.principal });
}
