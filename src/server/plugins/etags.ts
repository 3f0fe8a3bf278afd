/**
 * ETags for evaluations, rankings and series (RFC 9110 §8.8.3, §13.1.2): a client that sends back the ETag
 * in `If-None-Match` gets 304 with no body while nothing it saw has changed. The tag names the organisation's
 * data revision and the metadata revision (change counters), a digest of who asks (the principal's role
 * assignments: a ranking shows only the units of the reader's scope, and a shared cache must not hand one
 * reader's answer to another) and a digest of the answer itself, which carries the versions of the methods
 * used and the publication it is compared with; a publication or an approval, which move no counter, still
 * change the tag through the answer.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../core/access/principal.ts';

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** The part of a tag that says who asks: the same for readers with the same assignments. */
export function scopeDigest(principal: Principal | null): string {
  if (principal === null) return 'anonymous';
  const assignments = principal.assignments.map((a) => `${a.role}@${a.orgUnitPath ?? '*'}`).sort();
  return digest(assignments.join(','));
}

/**
 * A weak tag (the JSON may be compressed or re-encoded on the way) of an answer.
 *
 * @example etagOf({ meta: 3, root: 41 }, 'kP1…', '{"total":82.1}') // 'W/"m3.r41.kP1….<digest>"'
 */
export function etagOf(
  revisions: { readonly meta: number; readonly root: number },
  scope: string,
  body: string,
): string {
  return `W/"m${revisions.meta}.r${revisions.root}.${scope}.${digest(body)}"`;
}

/** Whether `If-None-Match` names `etag` (weak comparison, RFC 9110 §13.1.2; `*` matches any). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** The revisions an answer rests on. */
export type RevisionsOf = (
  request: FastifyRequest,
) => Promise<{ readonly meta: number; readonly root: number }>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Tag this route's answers (./etags.ts): how to find the revisions a request's answer rests on. */
    etag?: RevisionsOf;
  }
}

/**
 * Tags the successful JSON answers of GET routes whose config has `etag`, and answers 304 when
 * `If-None-Match` names the tag. Registered on the whole app before compression, so it sees the JSON.
 */
export function registerEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const revisionsOf = request.routeOptions.config.etag;
    if (revisionsOf === undefined || request.method !== 'GET' || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string') return payload;
    const etag = etagOf(await revisionsOf(request), scopeDigest(request.auth?.principal ?? null), payload);
    // Private: an answer depends on who asks. no-cache: keep it, but ask again (with the tag) before using it.
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    return '';
  });
}
