/**
 * Every problem code the product can report, with its wording in English and Chinese (define-messages.ts
 * explains the model). A domain's codes live in its own file; add the file's export to `PROBLEM_MESSAGES`.
 *
 * @example wordProblem('request.no-route', { method: 'GET', path: '/api/x' }, 'zh-CN') // '没有路由 GET /api/x。'
 */
import { accessMessages } from './access.ts';
import { accountMessages } from './account.ts';
import { ahpMessages } from './ahp.ts';
import { actionMessages, alertMailMessages, alertMessages } from './alerts.ts';
import { analyticsMessages } from './analytics.ts';
import { approvalMessages } from './approval.ts';
import { assessmentMessages } from './assessment.ts';
import { backupMessages } from './backup.ts';
import { cliMessages } from './cli.ts';
import { configMessages } from './config.ts';
import { dataElementMessages } from './data-element.ts';
import { dataQualityMessages } from './data-quality.ts';
import { dataValueMessages } from './data-value.ts';
import {
  formatMessage,
  type MessageLang,
  type MessageParam,
  type MessageParams,
  type TemplateParams,
  type Wording,
} from './define-messages.ts';
import { demoMessages } from './demo.ts';
import { encodingMessages } from './encoding.ts';
import { evaluationMessages } from './evaluation.ts';
import { extractMessages } from './extract.ts';
import { fhirMessages } from './fhir.ts';
import { fileMessages } from './file.ts';
import { formulaMessages } from './formula.ts';
import { guardMessages } from './guard.ts';
import { healthMessages } from './health.ts';
import { importProfileMessages } from './import-profile.ts';
import { importRowMessages } from './import-rows.ts';
import { importMessages } from './imports.ts';
import { incentiveMessages } from './incentive.ts';
import { indicatorLibraryMessages } from './indicator-library.ts';
import { jobMessages } from './jobs.ts';
import { mailMessages } from './mail.ts';
import { monitoringMessages } from './monitoring.ts';
import { orgUnitMessages } from './org-unit.ts';
import { orgUnitIdentifierMessages } from './org-unit-identifier.ts';
import { periodMessages } from './period.ts';
import { publicationMessages } from './publication.ts';
import { pullMessages } from './pull.ts';
import { queryMessages } from './query.ts';
import { rankingMessages } from './ranking.ts';
import { referenceMessages } from './reference.ts';
import { remoteMessages } from './remote.ts';
import { reportMessages } from './report.ts';
import { reportedValueMessages } from './reported-value.ts';
import { requestMessages } from './request.ts';
import { scorecardMessages } from './scorecard.ts';
import { scoringMessages } from './scoring.ts';
import { sessionMessages } from './session.ts';
import { ssoMessages } from './sso.ts';
import { statsMessages } from './stats.ts';
import { strategyMessages } from './strategy.ts';
import { studyMessages } from './study.ts';
import { surveyMessages } from './survey.ts';
import { targetMessages } from './target.ts';
import { tokenMessages } from './token.ts';
import { writeMessages } from './write.ts';
import { zodMessages } from './zod.ts';

export type { MessageLang, MessageParam, MessageParams, Wording } from './define-messages.ts';
export { formatMessage, placeholdersOf } from './define-messages.ts';

export const PROBLEM_MESSAGES = {
  ...requestMessages,
  ...accessMessages,
  ...zodMessages,
  ...scoringMessages,
  ...importMessages,
  ...importProfileMessages,
  ...orgUnitIdentifierMessages,
  ...fhirMessages,
  ...importRowMessages,
  ...encodingMessages,
  ...fileMessages,
  ...scorecardMessages,
  ...indicatorLibraryMessages,
  ...jobMessages,
  ...healthMessages,
  ...formulaMessages,
  ...ahpMessages,
  ...rankingMessages,
  ...periodMessages,
  ...publicationMessages,
  ...monitoringMessages,
  ...analyticsMessages,
  ...accountMessages,
  ...approvalMessages,
  ...assessmentMessages,
  ...backupMessages,
  ...cliMessages,
  ...configMessages,
  ...dataElementMessages,
  ...dataQualityMessages,
  ...dataValueMessages,
  ...demoMessages,
  ...evaluationMessages,
  ...orgUnitMessages,
  ...queryMessages,
  ...referenceMessages,
  ...reportedValueMessages,
  ...sessionMessages,
  ...statsMessages,
  ...remoteMessages,
  ...reportMessages,
  ...strategyMessages,
  ...studyMessages,
  ...surveyMessages,
  ...targetMessages,
  ...tokenMessages,
  ...writeMessages,
  ...guardMessages,
  ...alertMessages,
  ...actionMessages,
  ...alertMailMessages,
  ...mailMessages,
  ...ssoMessages,
  ...incentiveMessages,
  ...extractMessages,
  ...pullMessages,
} as const;

export type ProblemCode = keyof typeof PROBLEM_MESSAGES;

/** The parameter names a code's wording uses. */
export type ProblemParamName<C extends ProblemCode> = TemplateParams<(typeof PROBLEM_MESSAGES)[C]['en']>;

/** The parameters a code needs: one value per placeholder of its wording. */
export type ProblemParams<C extends ProblemCode> = { readonly [K in ProblemParamName<C>]: MessageParam };

/**
 * The parameters after the code, optional when the wording has none:
 * `notFound('scorecard.not-found', { code })`, `forbidden('access.forbidden')`.
 */
export type ProblemParamsArg<C extends ProblemCode> = [ProblemParamName<C>] extends [never]
  ? [params?: ProblemParams<C>]
  : [params: ProblemParams<C>];

const CODES: ReadonlySet<string> = new Set(Object.keys(PROBLEM_MESSAGES));

export function isProblemCode(value: string): value is ProblemCode {
  return CODES.has(value);
}

/** Every code, sorted (for checks and the CLI). */
export function problemCodes(): ProblemCode[] {
  return Object.keys(PROBLEM_MESSAGES).filter(isProblemCode).sort();
}

/**
 * A problem code's words in a language, its parameters filled in. A code this build does not know (a newer
 * server's) is returned as it is, so the user still sees something to quote.
 */
export function wordProblem(code: string, params: MessageParams = {}, lang: MessageLang = 'en'): string {
  if (!isProblemCode(code)) return code;
  const wording: Wording = PROBLEM_MESSAGES[code];
  return formatMessage(wording[lang], params);
}

/**
 * The catalog of one language for i18next, nested by domain (`{ request: { 'no-route': '…' } }`), so that
 * `t('problems.request.no-route', params)` finds a code's words under a `problems` namespace key.
 */
export function problemCatalog(lang: MessageLang): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const code of problemCodes()) {
    const dot = code.indexOf('.');
    const domain = code.slice(0, dot);
    const wording: Wording = PROBLEM_MESSAGES[code];
    const entries = out[domain] ?? {};
    entries[code.slice(dot + 1)] = wording[lang];
    out[domain] = entries;
  }
  return out;
}
