/**
 * The one map of the HTTP API as the web app calls it: `METHOD /api/path` → its path parameters, query string,
 * body and response, each the type of the zod schema the server validates it with (core/contracts; the server's
 * routes name the same schemas). Requests and query strings are the schemas' input types (`z.input`: defaults
 * may be left out), responses their output types (`z.infer`). Types only: no zod reaches the bundle from here.
 *
 * A call names its route and gets the response's type from the map (request.ts `apiRequest`), so no page names a
 * response type by hand, and a route whose contract changes breaks the build where it is called.
 */
import type { z } from 'zod';
import type * as accounts from '../../../core/contracts/accounts.ts';
import type * as approvals from '../../../core/contracts/approvals.ts';
import type * as assessments from '../../../core/contracts/assessments.ts';
import type * as audit from '../../../core/contracts/audit.ts';
import type * as common from '../../../core/contracts/common.ts';
import type * as dataElements from '../../../core/contracts/data-elements.ts';
import type * as dataValues from '../../../core/contracts/data-values.ts';
import type * as evaluation from '../../../core/contracts/evaluation.ts';
import type * as explain from '../../../core/contracts/explain.ts';
import type * as imports from '../../../core/contracts/import.ts';
import type * as orgUnits from '../../../core/contracts/org-units.ts';
import type * as periods from '../../../core/contracts/periods.ts';
import type * as reportedValues from '../../../core/contracts/reported-values.ts';
import type * as scorecards from '../../../core/contracts/scorecards.ts';
import type * as targets from '../../../core/contracts/targets.ts';

type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.infer<T>;

interface CodeParams {
  readonly code: string;
}
interface IdParams {
  readonly id: number;
}
type PaginationQuery = In<typeof common.paginationQuerySchema>;

/** Every JSON route the web app calls. A 204 answers `undefined`. */
export interface ApiRoutes {
  // Accounts (core/contracts/accounts.ts)
  'GET /api/meta': { response: Out<typeof accounts.metaSchema> };
  'GET /api/session': { response: Out<typeof accounts.sessionSchema> };
  'POST /api/session': {
    body: In<typeof accounts.loginBodySchema>;
    response: Out<typeof accounts.sessionSchema>;
  };
  'DELETE /api/session': { response: undefined };
  'GET /api/users': {
    query: In<typeof accounts.listUsersQuerySchema>;
    response: Out<typeof accounts.userPageSchema>;
  };
  'POST /api/users': {
    body: In<typeof accounts.createUserBodySchema>;
    response: Out<typeof accounts.userSchema>;
  };
  'PATCH /api/users/:id': {
    params: IdParams;
    body: In<typeof accounts.updateUserBodySchema>;
    response: Out<typeof accounts.userSchema>;
  };
  'GET /api/tokens': {
    query: In<typeof accounts.listApiTokensQuerySchema>;
    response: Out<typeof accounts.apiTokenPageSchema>;
  };
  'POST /api/tokens': {
    body: In<typeof accounts.createApiTokenBodySchema>;
    response: Out<typeof accounts.createdApiTokenSchema>;
  };
  'DELETE /api/tokens/:id': { params: IdParams; response: Out<typeof accounts.apiTokenSchema> };

  // Org units and groups (core/contracts/org-units.ts)
  'GET /api/org-units': {
    query: In<typeof orgUnits.listOrgUnitsQuerySchema>;
    response: Out<typeof orgUnits.orgUnitPageSchema>;
  };
  'POST /api/org-units': {
    body: In<typeof orgUnits.createOrgUnitBodySchema>;
    response: Out<typeof orgUnits.orgUnitSchema>;
  };
  'GET /api/org-units/:code': { params: CodeParams; response: Out<typeof orgUnits.orgUnitSchema> };
  'PATCH /api/org-units/:code': {
    params: CodeParams;
    body: In<typeof orgUnits.updateOrgUnitBodySchema>;
    response: Out<typeof orgUnits.orgUnitSchema>;
  };
  'GET /api/org-units/:code/children': {
    params: CodeParams;
    query: PaginationQuery;
    response: Out<typeof orgUnits.orgUnitPageSchema>;
  };
  'GET /api/org-units/:code/subtree': {
    params: CodeParams;
    query: PaginationQuery;
    response: Out<typeof orgUnits.orgUnitPageSchema>;
  };
  'GET /api/org-unit-groups': {
    query: In<typeof orgUnits.listOrgUnitGroupsQuerySchema>;
    response: Out<typeof orgUnits.orgUnitGroupPageSchema>;
  };
  'POST /api/org-unit-groups': {
    body: In<typeof orgUnits.createOrgUnitGroupBodySchema>;
    response: Out<typeof orgUnits.orgUnitGroupSchema>;
  };
  'GET /api/org-unit-groups/:code': {
    params: CodeParams;
    response: Out<typeof orgUnits.orgUnitGroupSchema>;
  };
  'PATCH /api/org-unit-groups/:code': {
    params: CodeParams;
    body: In<typeof orgUnits.updateOrgUnitGroupBodySchema>;
    response: Out<typeof orgUnits.orgUnitGroupSchema>;
  };

  // Periods (core/contracts/periods.ts)
  'GET /api/periods': {
    query: In<typeof periods.listPeriodsQuerySchema>;
    response: Out<typeof periods.periodPageSchema>;
  };
  'GET /api/periods/:id': { params: { readonly id: string }; response: Out<typeof periods.periodSchema> };

  // Data elements and values (core/contracts/data-elements.ts, data-values.ts, reported-values.ts)
  'GET /api/data-elements': {
    query: In<typeof dataElements.listDataElementsQuerySchema>;
    response: Out<typeof dataElements.dataElementPageSchema>;
  };
  'POST /api/data-elements': {
    body: In<typeof dataElements.createDataElementBodySchema>;
    response: Out<typeof dataElements.dataElementSchema>;
  };
  'GET /api/data-elements/:code': {
    params: CodeParams;
    response: Out<typeof dataElements.dataElementSchema>;
  };
  'PATCH /api/data-elements/:code': {
    params: CodeParams;
    body: In<typeof dataElements.updateDataElementBodySchema>;
    response: Out<typeof dataElements.dataElementSchema>;
  };
  'DELETE /api/data-elements/:code': { params: CodeParams; response: undefined };
  'GET /api/data-values': {
    query: In<typeof dataValues.listDataValuesQuerySchema>;
    response: Out<typeof dataValues.dataValuePageSchema>;
  };
  'POST /api/data-values': {
    body: In<typeof dataValues.writeDataValuesBodySchema>;
    response: Out<typeof dataValues.writeDataValuesResultSchema>;
  };
  'GET /api/reported-values': {
    query: In<typeof reportedValues.listReportedValuesQuerySchema>;
    response: Out<typeof reportedValues.reportedValuePageSchema>;
  };
  'POST /api/reported-values': {
    body: In<typeof reportedValues.writeReportedValuesBodySchema>;
    response: Out<typeof reportedValues.writeReportedValuesResultSchema>;
  };

  // Assessments and approvals (core/contracts/assessments.ts, approvals.ts)
  'GET /api/assessments': {
    query: In<typeof assessments.listAssessmentsQuerySchema>;
    response: Out<typeof assessments.assessmentPageSchema>;
  };
  'POST /api/assessments': {
    body: In<typeof assessments.writeAssessmentsBodySchema>;
    response: Out<typeof assessments.writeAssessmentsResultSchema>;
  };
  'GET /api/approvals': {
    query: In<typeof approvals.listApprovalsQuerySchema>;
    response: Out<typeof approvals.approvalPageSchema>;
  };
  'POST /api/approvals/submit': {
    body: In<typeof approvals.submitApprovalBodySchema>;
    response: Out<typeof approvals.approvalSchema>;
  };
  'POST /api/approvals/approve': {
    body: In<typeof approvals.approveBodySchema>;
    response: Out<typeof approvals.approvalSchema>;
  };
  'POST /api/approvals/reopen': {
    body: In<typeof approvals.reopenApprovalBodySchema>;
    response: Out<typeof approvals.approvalSchema>;
  };

  // Scorecards, indicators and targets (core/contracts/scorecards.ts, targets.ts)
  'GET /api/scorecards': {
    query: In<typeof scorecards.listScorecardsQuerySchema>;
    response: Out<typeof scorecards.scorecardPageSchema>;
  };
  'POST /api/scorecards': {
    query: In<typeof scorecards.importScorecardQuerySchema>;
    body: In<typeof scorecards.scorecardFileSchema>;
    response: Out<typeof scorecards.importScorecardResultSchema>;
  };
  'GET /api/scorecards/:code': {
    params: CodeParams;
    query: In<typeof scorecards.scorecardVersionQuerySchema>;
    response: Out<typeof scorecards.scorecardDetailSchema>;
  };
  'PUT /api/scorecards/:code': {
    params: CodeParams;
    query: In<typeof scorecards.importScorecardQuerySchema>;
    body: In<typeof scorecards.scorecardFileSchema>;
    response: Out<typeof scorecards.importScorecardResultSchema>;
  };
  'GET /api/scorecards/:code/versions': {
    params: CodeParams;
    response: Out<typeof scorecards.scorecardVersionsSchema>;
  };
  'PUT /api/scorecards/:code/weights': {
    params: CodeParams;
    body: In<typeof scorecards.putWeightsBodySchema>;
    response: Out<typeof scorecards.putWeightsResultSchema>;
  };
  'GET /api/scorecards/:code/org-units': {
    params: CodeParams;
    response: Out<typeof scorecards.scorecardOrgUnitsSchema>;
  };
  'PUT /api/scorecards/:code/org-units': {
    params: CodeParams;
    body: In<typeof scorecards.putScorecardOrgUnitsBodySchema>;
    response: Out<typeof scorecards.scorecardOrgUnitsSchema>;
  };
  'GET /api/indicators': {
    query: In<typeof scorecards.listIndicatorsQuerySchema>;
    response: Out<typeof scorecards.indicatorPageSchema>;
  };
  'GET /api/targets': {
    query: In<typeof targets.listTargetsQuerySchema>;
    response: Out<typeof targets.targetPageSchema>;
  };
  'PUT /api/targets': {
    body: In<typeof targets.putTargetsBodySchema>;
    response: Out<typeof targets.putTargetsResultSchema>;
  };
  'DELETE /api/targets': { query: In<typeof targets.deleteTargetQuerySchema>; response: undefined };

  // Evaluation (core/contracts/evaluation.ts, explain.ts)
  'GET /api/evaluations': {
    query: In<typeof evaluation.evaluationQuerySchema>;
    response: Out<typeof evaluation.evaluationSchema>;
  };
  'GET /api/evaluations/explain': {
    query: In<typeof explain.explainQuerySchema>;
    response: Out<typeof explain.explanationSchema>;
  };
  'GET /api/rankings': {
    query: In<typeof evaluation.rankingQuerySchema>;
    response: Out<typeof evaluation.rankingSchema>;
  };
  'GET /api/series': {
    query: In<typeof evaluation.seriesQuerySchema>;
    response: Out<typeof evaluation.seriesSchema>;
  };

  // The audit trail (core/contracts/audit.ts)
  'GET /api/audit': {
    query: In<typeof audit.listAuditQuerySchema>;
    response: Out<typeof audit.auditPageSchema>;
  };

  // Imports (core/contracts/import.ts). `POST /api/imports` streams: see StreamRoutes.
  'GET /api/imports': {
    query: In<typeof imports.listImportsQuerySchema>;
    response: Out<typeof imports.importBatchPageSchema>;
  };
  'GET /api/imports/:id': {
    params: IdParams;
    query: PaginationQuery;
    response: Out<typeof imports.importBatchDetailSchema>;
  };
  'POST /api/imports/:id/undo': {
    params: IdParams;
    body: In<typeof imports.undoImportBodySchema>;
    response: Out<typeof imports.undoImportResultSchema>;
  };
}

/**
 * Routes that answer newline-delimited JSON as it comes (ndjson-request.ts): a multipart upload, then a line per
 * step of progress and a last line with the report or a problem.
 */
export interface StreamRoutes {
  'POST /api/imports': {
    query: In<typeof imports.importQuerySchema>;
    body: FormData;
    line: Out<typeof imports.importStreamLineSchema>;
  };
}

/** Routes the browser opens as a link (a file to download), not as a request: only their address is built. */
export interface DownloadRoutes {
  'GET /api/audit/export': { query: In<typeof audit.exportAuditQuerySchema> };
  'GET /api/templates/:code': { params: CodeParams; query: In<typeof imports.templateQuerySchema> };
  'GET /api/exports/data-values': { query: In<typeof imports.exportDataValuesQuerySchema> };
  'GET /api/exports/scorecards/:code': {
    params: CodeParams;
    query: In<typeof imports.exportScorecardQuerySchema>;
  };
}

export type Route = keyof ApiRoutes;
export type DownloadRoute = keyof DownloadRoutes;

/** What a route answers. */
export type ResponseOf<R extends Route> = ApiRoutes[R]['response'];

/** What a route is sent as its body. */
export type BodyOf<R extends Route> = ApiRoutes[R] extends { body: infer B } ? B : never;

/** A route's query string, as an object. */
export type QueryOf<R extends Route> = ApiRoutes[R] extends { query: infer Q } ? Q : never;

/** The GET routes without path parameters that answer a page of a list (`{ items, total, limit, offset }`). */
export type ListRoute = {
  [R in Route]: R extends `GET ${string}`
    ? ApiRoutes[R] extends { params: unknown }
      ? never
      : ResponseOf<R> extends { readonly items: readonly unknown[]; readonly total: number }
        ? R
        : never
    : never;
}[Route];

/** One item of a list route's page. */
export type ItemOf<R extends ListRoute> =
  ResponseOf<R> extends { readonly items: readonly (infer T)[] } ? T : never;

/**
 * The arguments a call of a route gives: `params` and `body` when the route has them; `query` when it has one,
 * optional when every member of it is.
 */
export type ArgsOf<Entry> = (Entry extends { params: infer P } ? { readonly params: P } : unknown) &
  (Entry extends { query: infer Q }
    ? Partial<Q> extends Q
      ? { readonly query?: Q }
      : { readonly query: Q }
    : unknown) &
  (Entry extends { body: infer B } ? { readonly body: B } : unknown) & { readonly signal?: AbortSignal };
