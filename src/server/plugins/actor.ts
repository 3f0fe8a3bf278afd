/**
 * Who is acting: the one place a request becomes an Actor. Until accounts exist every request acts as
 * `anonymous` from its client address; the accounts issue replaces this function (and only this one) with the
 * signed-in user, and adds access checks inside the services.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../context.ts';

export function getActor(request: FastifyRequest): Actor {
  return Object.freeze({ id: 'anonymous', address: request.ip });
}
