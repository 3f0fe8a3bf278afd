/**
 * Experts' personal links, managed by strategists: a new link (any earlier one of the expert is revoked; the
 * answers stay, so the expert resumes), the invitation and its QR code, and revoking. The token is 256 random
 * bits shown once; only its SHA-256 is stored (as API tokens are: accounts/secrets.ts).
 */
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { CreatedSurveyLink, CreateSurveyLinkBody, SurveyExpert } from '../../core/contracts/surveys.ts';
import { badRequest, conflict, notFound } from '../../core/errors/problem.ts';
import {
  findSurveyExpert,
  insertSurveyLink,
  lockSurvey,
  revokeSurveyLinks,
} from '../../db/repositories/survey.repository.ts';
import { randomToken, sha256Hex } from '../accounts/secrets.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { invitationText, qrCodeOf } from './invitation.ts';
import { loadSurveyState, toSurveyExpert } from './survey-state.ts';

/** Every survey link's token starts so, telling it apart from an API token (`hbsc_`). */
export const SURVEY_TOKEN_PREFIX = 'hbss_';
/** A link's default lifetime. */
const DEFAULT_LINK_DAYS = 30;

/** The questionnaire page of a token, as the web app routes it. */
export function questionnairePath(token: string): string {
  return `/survey/${encodeURIComponent(token)}`;
}

export interface SurveyExpertRef {
  readonly id: number;
  readonly expertId: number;
}

async function requireExpert(trx: Parameters<typeof findSurveyExpert>[0], ref: SurveyExpertRef) {
  const expert = await findSurveyExpert(trx, ref.id, ref.expertId);
  if (expert === undefined)
    throw notFound('survey.expert-not-found', { survey: ref.id, expert: ref.expertId });
  return expert;
}

/**
 * Makes an expert's link: revokes their earlier links, stores the new token's hash, and returns the token, the
 * questionnaire's path, the invitation text and a QR code of `origin` + path. 409 when the survey is closed.
 */
export async function createSurveyLink(
  ctx: ServerContext,
  actor: Actor,
  input: SurveyExpertRef & { readonly body: CreateSurveyLinkBody; readonly origin: string },
): Promise<CreatedSurveyLink> {
  requireSomeRole(actor, DESIGN_ROLES);
  const token = randomToken(SURVEY_TOKEN_PREFIX);
  const created = await commitWrite(ctx, actor, async (trx) => {
    await lockSurvey(trx, input.id);
    const before = await loadSurveyState(trx, input.id);
    const expert = await requireExpert(trx, input);
    if (before.record.status !== 'open') throw conflict('survey.closed', { id: input.id });
    const now = ctx.now();
    const expiresAt =
      input.body.expiresAt === undefined
        ? new Date(now.getTime() + DEFAULT_LINK_DAYS * 86_400_000)
        : new Date(input.body.expiresAt);
    if (expiresAt <= now) {
      throw badRequest('survey.link-expiry-past', { expiresAt: isoTime(expiresAt) }, ['expiresAt']);
    }
    const revoked = await revokeSurveyLinks(trx, expert.id, now, actor.id);
    const link = await insertSurveyLink(trx, {
      expertId: expert.id,
      tokenHash: sha256Hex(token),
      createdBy: actor.id,
      now,
      expiresAt,
    });
    const state = await loadSurveyState(trx, input.id);
    return {
      result: {
        state,
        expert,
        link,
        expiresAt,
        language: input.body.language ?? before.record.language,
        now,
      },
      audit: [
        {
          action: 'create',
          entity: 'survey_link',
          entityKey: `${input.id}/${expert.id}`,
          // Never the token: only when, until when, and how many earlier links this revoked.
          newValue: { link: link.id, expiresAt: isoTime(expiresAt), revokedEarlier: revoked },
        },
      ],
      touched: [],
    };
  });
  const { state, expert, expiresAt, language, now } = created;
  const path = questionnairePath(token);
  const pairs = state.nodes.reduce((sum, n) => sum + n.pairs.length, 0);
  return {
    expert: toSurveyExpert(state, expert, now),
    token,
    path,
    expiresAt: isoTime(expiresAt),
    invitation: invitationText(language, {
      expert: expert.name,
      title: state.record.title,
      scorecard:
        state.record.scorecardNameZh !== null && language === 'zh-CN'
          ? state.record.scorecardNameZh
          : state.record.scorecardNameEn,
      until: isoTime(expiresAt).slice(0, 10),
      pairs,
    }),
    qr: await qrCodeOf(`${input.origin}${path}`),
  };
}

/** Revokes an expert's links (their answers stay). */
export async function revokeSurveyLink(
  ctx: ServerContext,
  actor: Actor,
  input: SurveyExpertRef,
): Promise<SurveyExpert> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<SurveyExpert>(ctx, actor, async (trx) => {
    await lockSurvey(trx, input.id);
    await loadSurveyState(trx, input.id);
    const expert = await requireExpert(trx, input);
    const now = ctx.now();
    const revoked = await revokeSurveyLinks(trx, expert.id, now, actor.id);
    const state = await loadSurveyState(trx, input.id);
    return {
      result: toSurveyExpert(state, expert, now),
      audit:
        revoked === 0
          ? []
          : [
              {
                action: 'revoke',
                entity: 'survey_link',
                entityKey: `${input.id}/${expert.id}`,
                newValue: { revoked },
              },
            ],
      touched: [],
    };
  });
}
