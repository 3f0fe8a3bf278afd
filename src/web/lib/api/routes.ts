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
import type * as actions from '../../../core/contracts/actions.ts';
import type * as alerts from '../../../core/contracts/alerts.ts';
import type * as approvals from '../../../core/contracts/approvals.ts';
import type * as assessments from '../../../core/contracts/assessments.ts';
import type * as audit from '../../../core/contracts/audit.ts';
import type * as common from '../../../core/contracts/common.ts';
import type * as dataElements from '../../../core/contracts/data-elements.ts';
import type * as dataQuality from '../../../core/contracts/data-quality.ts';
import type * as dataValues from '../../../core/contracts/data-values.ts';
import type * as evaluation from '../../../core/contracts/evaluation.ts';
import type * as explain from '../../../core/contracts/explain.ts';
import type * as imports from '../../../core/contracts/import.ts';
import type * as importProfiles from '../../../core/contracts/import-profiles.ts';
import type * as incentives from '../../../core/contracts/incentives.ts';
import type * as indicatorLibrary from '../../../core/contracts/indicator-library.ts';
import type * as jobs from '../../../core/contracts/jobs.ts';
import type * as mail from '../../../core/contracts/mail.ts';
import type * as monitoring from '../../../core/contracts/monitoring.ts';
import type * as objectiveRankings from '../../../core/contracts/objective-rankings.ts';
import type * as orgUnits from '../../../core/contracts/org-units.ts';
import type * as periods from '../../../core/contracts/periods.ts';
import type * as pivot from '../../../core/contracts/pivot.ts';
import type * as publications from '../../../core/contracts/publications.ts';
import type * as pulls from '../../../core/contracts/pulls.ts';
import type * as rankings from '../../../core/contracts/rankings.ts';
import type * as reportedValues from '../../../core/contracts/reported-values.ts';
import type * as reports from '../../../core/contracts/reports.ts';
import type * as scorecards from '../../../core/contracts/scorecards.ts';
import type * as sensitivity from '../../../core/contracts/sensitivity.ts';
import type * as strategyMap from '../../../core/contracts/strategy-map.ts';
import type * as studies from '../../../core/contracts/studies.ts';
import type * as surveys from '../../../core/contracts/surveys.ts';
import type * as targets from '../../../core/contracts/targets.ts';

type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.infer<T>;

/** The parts of a route, from the schemas of core/contracts: what is sent is a schema's input, the answer its output. */
interface Query<S extends z.ZodType> {
  query: In<S>;
}
interface Body<S extends z.ZodType> {
  body: In<S>;
}
interface Answer<S extends z.ZodType> {
  response: Out<S>;
}
/** A 204. */
interface NoContent {
  response: undefined;
}
interface ByCode {
  params: { readonly code: string };
}
interface ById {
  params: { readonly id: number };
}
interface ByName {
  params: { readonly name: string };
}
interface ByPeriod {
  params: { readonly id: string };
}
/** An own library entry, by its id (`custom-3`). */
interface ByLibraryEntry {
  params: { readonly id: string };
}
interface BySurveyExpert {
  params: { readonly id: number; readonly expertId: number };
}
interface ByDeadline {
  params: { readonly code: string; readonly periodType: 'month' | 'quarter' | 'year' };
}
/** An expert's personal survey link: the token is the credential (no session, no CSRF header). */
interface BySurveyToken {
  params: { readonly token: string };
}

/** Every JSON route the web app calls. A 204 answers `undefined`. */
export interface ApiRoutes {
  // Accounts (core/contracts/accounts.ts)
  'GET /api/meta': Answer<typeof accounts.metaSchema>;
  'GET /api/session': Answer<typeof accounts.sessionSchema>;
  'POST /api/session': Body<typeof accounts.loginBodySchema> & Answer<typeof accounts.sessionSchema>;
  'DELETE /api/session': NoContent;
  'POST /api/session/password': Body<typeof accounts.changePasswordBodySchema> & NoContent;
  'GET /api/me/last-view': Answer<typeof accounts.lastViewSchema>;
  'PUT /api/me/last-view': Body<typeof accounts.putLastViewBodySchema> &
    Answer<typeof accounts.lastViewSchema>;
  'POST /api/session/directory': Body<typeof accounts.directoryLoginBodySchema> &
    Answer<typeof accounts.sessionSchema>;
  'GET /api/users': Query<typeof accounts.listUsersQuerySchema> & Answer<typeof accounts.userPageSchema>;
  'GET /api/users/directory': Query<typeof accounts.userDirectoryQuerySchema> &
    Answer<typeof accounts.userDirectoryPageSchema>;
  'POST /api/users': Body<typeof accounts.createUserBodySchema> & Answer<typeof accounts.userSchema>;
  'PATCH /api/users/:id': ById &
    Body<typeof accounts.updateUserBodySchema> &
    Answer<typeof accounts.userSchema>;
  'GET /api/tokens': Query<typeof accounts.listApiTokensQuerySchema> &
    Answer<typeof accounts.apiTokenPageSchema>;
  'POST /api/tokens': Body<typeof accounts.createApiTokenBodySchema> &
    Answer<typeof accounts.createdApiTokenSchema>;
  'DELETE /api/tokens/:id': ById & Answer<typeof accounts.apiTokenSchema>;

  // Org units and groups (core/contracts/org-units.ts)
  'GET /api/org-units': Query<typeof orgUnits.listOrgUnitsQuerySchema> &
    Answer<typeof orgUnits.orgUnitPageSchema>;
  'POST /api/org-units': Body<typeof orgUnits.createOrgUnitBodySchema> &
    Answer<typeof orgUnits.orgUnitSchema>;
  'GET /api/org-units/:code': ByCode & Answer<typeof orgUnits.orgUnitSchema>;
  'PATCH /api/org-units/:code': ByCode &
    Body<typeof orgUnits.updateOrgUnitBodySchema> &
    Answer<typeof orgUnits.orgUnitSchema>;
  'GET /api/org-units/:code/children': ByCode &
    Query<typeof common.paginationQuerySchema> &
    Answer<typeof orgUnits.orgUnitPageSchema>;
  'GET /api/org-units/:code/subtree': ByCode &
    Query<typeof common.paginationQuerySchema> &
    Answer<typeof orgUnits.orgUnitPageSchema>;
  'GET /api/org-units/:code/ancestors': ByCode & Answer<typeof orgUnits.orgUnitAncestorsSchema>;
  'GET /api/org-unit-groups': Query<typeof orgUnits.listOrgUnitGroupsQuerySchema> &
    Answer<typeof orgUnits.orgUnitGroupPageSchema>;
  'POST /api/org-unit-groups': Body<typeof orgUnits.createOrgUnitGroupBodySchema> &
    Answer<typeof orgUnits.orgUnitGroupSchema>;
  'GET /api/org-unit-groups/:code': ByCode & Answer<typeof orgUnits.orgUnitGroupSchema>;
  'PATCH /api/org-unit-groups/:code': ByCode &
    Body<typeof orgUnits.updateOrgUnitGroupBodySchema> &
    Answer<typeof orgUnits.orgUnitGroupSchema>;

  // Periods (core/contracts/periods.ts)
  'GET /api/periods': Query<typeof periods.listPeriodsQuerySchema> & Answer<typeof periods.periodPageSchema>;
  'GET /api/periods/:id': ByPeriod & Answer<typeof periods.periodSchema>;

  // Data elements and values (core/contracts/data-elements.ts, data-values.ts, reported-values.ts)
  'GET /api/data-elements': Query<typeof dataElements.listDataElementsQuerySchema> &
    Answer<typeof dataElements.dataElementPageSchema>;
  'POST /api/data-elements': Body<typeof dataElements.createDataElementBodySchema> &
    Answer<typeof dataElements.dataElementSchema>;
  'GET /api/data-elements/:code': ByCode & Answer<typeof dataElements.dataElementSchema>;
  'PATCH /api/data-elements/:code': ByCode &
    Body<typeof dataElements.updateDataElementBodySchema> &
    Answer<typeof dataElements.dataElementSchema>;
  'DELETE /api/data-elements/:code': ByCode & NoContent;

  // Indicator library (core/contracts/indicator-library.ts)
  'GET /api/indicator-library': Query<typeof indicatorLibrary.listLibraryQuerySchema> &
    Answer<typeof indicatorLibrary.libraryListSchema>;
  'POST /api/indicator-library': Body<typeof indicatorLibrary.libraryEntryBodySchema> &
    Answer<typeof indicatorLibrary.libraryEntryItemSchema>;
  'PUT /api/indicator-library/:id': ByLibraryEntry &
    Body<typeof indicatorLibrary.libraryEntryBodySchema> &
    Answer<typeof indicatorLibrary.libraryEntryItemSchema>;
  'DELETE /api/indicator-library/:id': ByLibraryEntry & NoContent;
  'GET /api/data-values': Query<typeof dataValues.listDataValuesQuerySchema> &
    Answer<typeof dataValues.dataValuePageSchema>;
  'POST /api/data-values': Body<typeof dataValues.writeDataValuesBodySchema> &
    Answer<typeof dataValues.writeDataValuesResultSchema>;
  'GET /api/reported-values': Query<typeof reportedValues.listReportedValuesQuerySchema> &
    Answer<typeof reportedValues.reportedValuePageSchema>;
  'POST /api/reported-values': Body<typeof reportedValues.writeReportedValuesBodySchema> &
    Answer<typeof reportedValues.writeReportedValuesResultSchema>;

  // Assessments and approvals (core/contracts/assessments.ts, approvals.ts)
  'GET /api/assessments': Query<typeof assessments.listAssessmentsQuerySchema> &
    Answer<typeof assessments.assessmentPageSchema>;
  'POST /api/assessments': Body<typeof assessments.writeAssessmentsBodySchema> &
    Answer<typeof assessments.writeAssessmentsResultSchema>;
  'GET /api/approvals': Query<typeof approvals.listApprovalsQuerySchema> &
    Answer<typeof approvals.approvalPageSchema>;
  'POST /api/approvals/submit': Body<typeof approvals.submitApprovalBodySchema> &
    Answer<typeof approvals.approvalSchema>;
  'POST /api/approvals/approve': Body<typeof approvals.approveBodySchema> &
    Answer<typeof approvals.approvalSchema>;
  'POST /api/approvals/reopen': Body<typeof approvals.reopenApprovalBodySchema> &
    Answer<typeof approvals.approvalSchema>;
  'GET /api/data-quality': Query<typeof dataQuality.dataQualityQuerySchema> &
    Answer<typeof dataQuality.dataQualityReportSchema>;

  // Scorecards, indicators and targets (core/contracts/scorecards.ts, targets.ts)
  'GET /api/scorecards': Query<typeof scorecards.listScorecardsQuerySchema> &
    Answer<typeof scorecards.scorecardPageSchema>;
  'POST /api/scorecards': Query<typeof scorecards.importScorecardQuerySchema> &
    Body<typeof scorecards.scorecardFileSchema> &
    Answer<typeof scorecards.importScorecardResultSchema>;
  'GET /api/scorecards/:code': ByCode &
    Query<typeof scorecards.scorecardVersionQuerySchema> &
    Answer<typeof scorecards.scorecardDetailSchema>;
  'PUT /api/scorecards/:code': ByCode &
    Query<typeof scorecards.importScorecardQuerySchema> &
    Body<typeof scorecards.scorecardFileSchema> &
    Answer<typeof scorecards.importScorecardResultSchema>;
  'GET /api/scorecards/:code/versions': ByCode & Answer<typeof scorecards.scorecardVersionsSchema>;
  'PUT /api/scorecards/:code/weights': ByCode &
    Body<typeof scorecards.putWeightsBodySchema> &
    Answer<typeof scorecards.putWeightsResultSchema>;
  'GET /api/scorecards/:code/org-units': ByCode & Answer<typeof scorecards.scorecardOrgUnitsSchema>;
  'PUT /api/scorecards/:code/org-units': ByCode &
    Body<typeof scorecards.putScorecardOrgUnitsBodySchema> &
    Answer<typeof scorecards.scorecardOrgUnitsSchema>;
  'GET /api/indicators': Query<typeof scorecards.listIndicatorsQuerySchema> &
    Answer<typeof scorecards.indicatorPageSchema>;
  'GET /api/targets': Query<typeof targets.listTargetsQuerySchema> & Answer<typeof targets.targetPageSchema>;
  'PUT /api/targets': Body<typeof targets.putTargetsBodySchema> &
    Answer<typeof targets.putTargetsResultSchema>;
  'DELETE /api/targets': Query<typeof targets.deleteTargetQuerySchema> & NoContent;

  // Evaluation (core/contracts/evaluation.ts, explain.ts)
  'GET /api/evaluations': Query<typeof evaluation.evaluationQuerySchema> &
    Answer<typeof evaluation.evaluationSchema>;
  'GET /api/evaluations/explain': Query<typeof explain.explainQuerySchema> &
    Answer<typeof explain.explanationSchema>;
  'GET /api/evaluations/restatement': Query<typeof publications.restatementQuerySchema> &
    Answer<typeof publications.restatementSchema>;
  // Rankings (core/contracts/rankings.ts): a page of summary rows or (view=full) evaluations; a heatmap's matrix
  'GET /api/rankings': Query<typeof rankings.rankingQuerySchema> & Answer<typeof rankings.rankingPageSchema>;
  'GET /api/rankings/matrix': Query<typeof rankings.rankingScopeQuerySchema> &
    Answer<typeof rankings.rankingMatrixSchema>;
  // Objective rankings and AHP sensitivity (core/contracts/objective-rankings.ts, sensitivity.ts)
  'GET /api/objective-rankings': Query<typeof objectiveRankings.objectiveRankingQuerySchema> &
    Answer<typeof objectiveRankings.objectiveRankingSchema>;
  'POST /api/ahp/sensitivity': Body<typeof sensitivity.sensitivityRequestSchema> &
    Answer<typeof sensitivity.sensitivityResultSchema>;
  'GET /api/series': Query<typeof evaluation.seriesQuerySchema> & Answer<typeof evaluation.seriesSchema>;
  // One indicator's periods × units (core/contracts/pivot.ts)
  'GET /api/pivot': Query<typeof pivot.pivotQuerySchema> & Answer<typeof pivot.pivotSchema>;
  // Monitoring (core/contracts/monitoring.ts); control charts come with the series.
  'GET /api/monitoring/funnel': Query<typeof monitoring.funnelQuerySchema> &
    Answer<typeof monitoring.funnelSchema>;
  'GET /api/monitoring/forecast': Query<typeof monitoring.forecastQuerySchema> &
    Answer<typeof monitoring.forecastSchema>;

  // Published scores (core/contracts/publications.ts)
  'GET /api/publications': Query<typeof publications.listPublicationsQuerySchema> &
    Answer<typeof publications.publicationPageSchema>;
  'POST /api/publications': Body<typeof publications.publishBodySchema> &
    Answer<typeof publications.publicationSchema>;
  'GET /api/publications/check': Query<typeof publications.publicationCheckQuerySchema> &
    Answer<typeof publications.publicationCheckSchema>;
  'GET /api/publications/:id': ById & Answer<typeof publications.publicationSchema>;

  // Incentive allocation (core/contracts/incentives.ts)
  'POST /api/incentives/preview': Body<typeof incentives.allocationBodySchema> &
    Answer<typeof incentives.allocationPreviewSchema>;
  'POST /api/incentives': Body<typeof incentives.allocationBodySchema> &
    Answer<typeof incentives.allocationSchema>;
  'GET /api/incentives': Query<typeof incentives.listAllocationsQuerySchema> &
    Answer<typeof incentives.allocationPageSchema>;
  'POST /api/incentives/:id/approve': ById & Answer<typeof incentives.allocationSchema>;

  // The audit trail (core/contracts/audit.ts)
  'GET /api/audit': Query<typeof audit.listAuditQuerySchema> & Answer<typeof audit.auditPageSchema>;

  // Imports (core/contracts/import.ts). `POST /api/imports` streams: see StreamRoutes.
  'GET /api/imports': Query<typeof imports.listImportsQuerySchema> &
    Answer<typeof imports.importBatchPageSchema>;
  'GET /api/imports/:id': ById &
    Query<typeof common.paginationQuerySchema> &
    Answer<typeof imports.importBatchDetailSchema>;
  'POST /api/imports/:id/undo': ById &
    Body<typeof imports.undoImportBodySchema> &
    Answer<typeof imports.undoImportResultSchema>;

  // AHP surveys (core/contracts/surveys.ts): the strategist's routes, then the expert's (by link token)
  'GET /api/surveys': Query<typeof surveys.listSurveysQuerySchema> & Answer<typeof surveys.surveyPageSchema>;
  'POST /api/surveys': Body<typeof surveys.createSurveyBodySchema> & Answer<typeof surveys.surveySchema>;
  'GET /api/surveys/:id': ById & Answer<typeof surveys.surveySchema>;
  'POST /api/surveys/:id/experts': ById &
    Body<typeof surveys.surveyExpertBodySchema> &
    Answer<typeof surveys.surveyExpertSchema>;
  'POST /api/surveys/:id/experts/:expertId/link': BySurveyExpert &
    Body<typeof surveys.createSurveyLinkBodySchema> &
    Answer<typeof surveys.createdSurveyLinkSchema>;
  'DELETE /api/surveys/:id/experts/:expertId/link': BySurveyExpert &
    Answer<typeof surveys.surveyExpertSchema>;
  'POST /api/surveys/:id/experts/:expertId/answers/import': BySurveyExpert &
    Body<typeof surveys.importAnswersBodySchema> &
    Answer<typeof surveys.importAnswersResultSchema>;
  'GET /api/surveys/:id/progress': ById & Answer<typeof surveys.surveyProgressSchema>;
  'GET /api/surveys/:id/reminders': ById & Answer<typeof surveys.surveyRemindersSchema>;
  'PUT /api/surveys/:id/reminders': ById &
    Body<typeof surveys.reminderScheduleBodySchema> &
    Answer<typeof surveys.surveyRemindersSchema>;
  'POST /api/surveys/:id/reminders': ById & Answer<typeof surveys.remindResultSchema>;
  'POST /api/surveys/:id/close': ById &
    Body<typeof surveys.closeSurveyBodySchema> &
    Answer<typeof surveys.surveySchema>;
  'GET /api/surveys/:id/results': ById &
    Query<typeof surveys.surveyResultsQuerySchema> &
    Answer<typeof surveys.surveyResultsSchema>;
  'POST /api/surveys/:id/apply': ById &
    Body<typeof surveys.applySurveyBodySchema> &
    Answer<typeof surveys.applySurveyResultSchema>;
  'GET /api/survey-links/:token': BySurveyToken & Answer<typeof surveys.questionnaireSchema>;
  'PUT /api/survey-links/:token/answers': BySurveyToken &
    Body<typeof surveys.saveAnswerBodySchema> &
    Answer<typeof surveys.saveAnswerResultSchema>;
  'POST /api/survey-links/:token/submit': BySurveyToken & Answer<typeof surveys.submitAnswersResultSchema>;

  // Background jobs (core/contracts/jobs.ts)
  'GET /api/jobs': Answer<typeof jobs.jobListSchema>;
  'POST /api/jobs/:name/run': ByName & Answer<typeof jobs.runJobResultSchema>;

  // E-mail outbox (core/contracts/mail.ts)
  'GET /api/mail/outbox': Query<typeof mail.mailOutboxQuerySchema> & Answer<typeof mail.mailOutboxSchema>;
  'POST /api/mail/test': Body<typeof mail.testMailRequestSchema> & Answer<typeof mail.testMailResultSchema>;

  // Evaluation studies (core/contracts/studies.ts)
  'POST /api/studies/evaluate': Body<typeof studies.evaluateStudyBodySchema> &
    Answer<typeof studies.studyResultSchema>;
  'GET /api/studies': Answer<typeof studies.studyListSchema>;
  'GET /api/studies/:code': ByCode & Answer<typeof studies.savedStudySchema>;
  'PUT /api/studies/:code': ByCode &
    Body<typeof studies.studyFileSchema> &
    Answer<typeof studies.savedStudySchema>;
  'DELETE /api/studies/:code': ByCode & NoContent;

  // Database pulls (core/contracts/pulls.ts)
  'GET /api/pull-connections': Query<typeof pulls.pullListQuerySchema> &
    Answer<typeof pulls.pullConnectionListSchema>;
  'POST /api/pull-connections': Body<typeof pulls.pullConnectionBodySchema> &
    Answer<typeof pulls.pullConnectionSchema>;
  'PUT /api/pull-connections/:id': ById &
    Body<typeof pulls.pullConnectionBodySchema> &
    Answer<typeof pulls.pullConnectionSchema>;
  'DELETE /api/pull-connections/:id': ById & NoContent;
  'POST /api/pull-connections/:id/test': ById & Answer<typeof pulls.pullConnectionTestSchema>;
  'GET /api/pulls': Query<typeof pulls.pullListQuerySchema> & Answer<typeof pulls.pullListSchema>;
  'POST /api/pulls': Body<typeof pulls.pullBodySchema> & Answer<typeof pulls.pullSchema>;
  'PUT /api/pulls/:id': ById & Body<typeof pulls.pullBodySchema> & Answer<typeof pulls.pullSchema>;
  'DELETE /api/pulls/:id': ById & NoContent;
  'POST /api/pulls/:id/run': ById & Body<typeof pulls.pullRunBodySchema> & Answer<typeof pulls.pullRunSchema>;
  'GET /api/pulls/:id/runs': ById & Answer<typeof pulls.pullRunListSchema>;

  // Reports by e-mail (core/contracts/reports.ts)
  'GET /api/report-subscriptions': Query<typeof reports.reportSubscriptionQuerySchema> &
    Answer<typeof reports.reportSubscriptionListSchema>;
  'POST /api/report-subscriptions': Body<typeof reports.reportSubscriptionBodySchema> &
    Answer<typeof reports.reportSubscriptionSchema>;
  'DELETE /api/report-subscriptions/:id': ById & NoContent;

  // The strategy map (core/contracts/strategy-map.ts)
  'GET /api/strategy-map': Query<typeof strategyMap.strategyMapQuerySchema> &
    Answer<typeof strategyMap.strategyMapSchema>;
  'GET /api/scorecards/:code/strategy': ByCode & Answer<typeof strategyMap.strategySchema>;
  'PUT /api/scorecards/:code/strategy': ByCode &
    Body<typeof strategyMap.strategySchema> &
    Answer<typeof strategyMap.putStrategyResultSchema>;
  // Alerts: deadlines, the inbox, subscriptions, preferences, webhooks (core/contracts/alerts.ts)
  'GET /api/deadlines': Query<typeof alerts.listDeadlinesQuerySchema> &
    Answer<typeof alerts.deadlineListSchema>;
  'PUT /api/scorecards/:code/deadlines/:periodType': ByDeadline &
    Body<typeof alerts.putDeadlineBodySchema> &
    Answer<typeof alerts.deadlineSchema>;
  'GET /api/alert-rules': Query<typeof alerts.listAlertRulesQuerySchema> &
    Answer<typeof alerts.alertRuleListSchema>;
  'POST /api/alert-rules': Body<typeof alerts.alertRuleBodySchema> & Answer<typeof alerts.alertRuleSchema>;
  'PUT /api/alert-rules/:id': ById &
    Body<typeof alerts.alertRuleBodySchema> &
    Answer<typeof alerts.alertRuleSchema>;
  'DELETE /api/alert-rules/:id': ById & NoContent;
  'GET /api/alerts': Query<typeof alerts.listAlertsQuerySchema> & Answer<typeof alerts.alertPageSchema>;
  'GET /api/inbox': Query<typeof alerts.listInboxQuerySchema> & Answer<typeof alerts.alertPageSchema>;
  'GET /api/inbox/unread-count': Answer<typeof alerts.unreadCountSchema>;
  'POST /api/inbox/read': Body<typeof alerts.markInboxBodySchema> &
    Answer<typeof alerts.markInboxResultSchema>;
  'GET /api/subscriptions': Answer<typeof alerts.subscriptionListSchema>;
  'POST /api/subscriptions': Body<typeof alerts.subscriptionBodySchema> &
    Answer<typeof alerts.subscriptionSchema>;
  'PUT /api/subscriptions/:id': ById &
    Body<typeof alerts.subscriptionBodySchema> &
    Answer<typeof alerts.subscriptionSchema>;
  'DELETE /api/subscriptions/:id': ById & NoContent;
  'GET /api/me/preferences': Answer<typeof alerts.preferencesSchema>;
  'PUT /api/me/preferences': Body<typeof alerts.putPreferencesBodySchema> &
    Answer<typeof alerts.preferencesSchema>;
  'GET /api/webhooks': Answer<typeof alerts.webhookListSchema>;
  'POST /api/webhooks': Body<typeof alerts.webhookBodySchema> & Answer<typeof alerts.webhookSchema>;
  'PUT /api/webhooks/:id': ById & Body<typeof alerts.webhookBodySchema> & Answer<typeof alerts.webhookSchema>;
  'DELETE /api/webhooks/:id': ById & NoContent;
  'GET /api/webhooks/:id/deliveries': ById &
    Query<typeof common.paginationQuerySchema> &
    Answer<typeof alerts.webhookDeliveryPageSchema>;

  // Action plans and "my work" (core/contracts/actions.ts)
  'GET /api/actions': Query<typeof actions.listActionsQuerySchema> & Answer<typeof actions.actionPageSchema>;
  'POST /api/actions': Body<typeof actions.createActionBodySchema> & Answer<typeof actions.actionSchema>;
  'GET /api/actions/:id': ById & Answer<typeof actions.actionSchema>;
  'PATCH /api/actions/:id': ById &
    Body<typeof actions.updateActionBodySchema> &
    Answer<typeof actions.actionSchema>;
  'GET /api/actions/:id/comments': ById & Answer<typeof actions.actionCommentListSchema>;
  'POST /api/actions/:id/comments': ById &
    Body<typeof actions.createCommentBodySchema> &
    Answer<typeof actions.actionCommentSchema>;
  'GET /api/my-work': Answer<typeof actions.myWorkSchema>;
  // Saved mapping profiles (core/contracts/import-profiles.ts); the wizard's uploads are StreamRoutes.
  'GET /api/import-profiles': Answer<typeof importProfiles.savedProfileListSchema>;
  'GET /api/import-profiles/:code': ByCode &
    Query<typeof importProfiles.profileVersionQuerySchema> &
    Answer<typeof importProfiles.savedProfileSchema>;
  'POST /api/import-profiles': Body<typeof importProfiles.saveProfileBodySchema> &
    Answer<typeof importProfiles.savedProfileSchema>;
}

/**
 * Routes that answer newline-delimited JSON as it comes (ndjson-request.ts): a multipart upload, then a line per
 * step of progress and a last line with the report or a problem.
 */
export interface StreamRoutes {
  'POST /api/imports': Query<typeof imports.importQuerySchema> & {
    body: FormData;
    line: Out<typeof imports.importStreamLineSchema>;
  };
  // The import wizard's steps on an uploaded table: one JSON line each, then the import with progress lines.
  'POST /api/profile-imports/inspect': {
    body: FormData;
    line: Out<typeof importProfiles.profileInspectionSchema>;
  };
  'POST /api/profile-imports/preview': {
    body: FormData;
    line: Out<typeof importProfiles.profilePreviewSchema>;
  };
  'POST /api/profile-imports': { body: FormData; line: unknown };
}

/** Routes the browser opens as a link (a file to download), not as a request: only their address is built. */
export interface DownloadRoutes {
  'GET /api/audit/export': Query<typeof audit.exportAuditQuerySchema>;
  'GET /api/templates/:code': ByCode & Query<typeof imports.templateQuerySchema>;
  'GET /api/exports/data-values': Query<typeof imports.exportDataValuesQuerySchema>;
  'GET /api/exports/scorecards/:code': ByCode & Query<typeof imports.exportScorecardQuerySchema>;
  'GET /api/surveys/:id/experts/:expertId/questionnaire': BySurveyExpert &
    Query<typeof surveys.questionnaireFileQuerySchema>;
  'GET /api/survey-links/:token/questionnaire': BySurveyToken &
    Query<typeof surveys.questionnaireFileQuerySchema>;
  'GET /api/incentives/:id/export': ById & Query<typeof incentives.allocationExportQuerySchema>;
  'GET /api/reports/evaluation': Query<typeof reports.reportQuerySchema>;
  'GET /api/reports/group': Query<typeof reports.reportQuerySchema>;
  'GET /api/import-profiles/:code/file': ByCode & Query<typeof importProfiles.profileVersionQuerySchema>;
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
