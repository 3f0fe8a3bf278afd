/**
 * This module's route plugins, registered by `buildApp` (../app.ts) under `/api`.
 */

import type { FastifyPluginAsync } from 'fastify';
import { ahpRoutes } from '../ahp/ahp.routes.ts';
import { dataQualityRoutes } from '../data-quality/data-quality.routes.ts';
import { fhirRoutes } from '../fhir/fhir.routes.ts';
import { importProfileRoutes } from '../import-profiles/import-profiles.routes.ts';
import { incentiveRoutes } from '../incentives/incentives.routes.ts';
import { indicatorLibraryRoutes } from '../indicator-library/indicator-library.routes.ts';
import { orgUnitIdentifierRoutes } from '../org-unit-identifiers/org-unit-identifiers.routes.ts';
import { pullRoutes } from '../pulls/pulls.routes.ts';
import { studyRoutes } from '../studies/studies.routes.ts';
import { surveyReminderRoutes } from '../surveys/survey-reminders.routes.ts';
import { surveyRoutes } from '../surveys/surveys.routes.ts';
import { approvalRoutes } from './approvals.routes.ts';
import { assessmentRoutes } from './assessments.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { dataElementRoutes } from './data-elements.routes.ts';
import { dataValueRoutes } from './data-values.routes.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { orgUnitGroupRoutes } from './org-unit-groups.routes.ts';
import { orgUnitRoutes } from './org-units.routes.ts';
import { periodRoutes } from './periods.routes.ts';
import { reportedValueRoutes } from './reported-values.routes.ts';
import { scorecardRoutes } from './scorecards.routes.ts';
import { sessionRoutes } from './session.routes.ts';
import { targetRoutes } from './targets.routes.ts';
import { userRoutes } from './users.routes.ts';

export const API_ROUTES: readonly FastifyPluginAsync[] = [
  ahpRoutes,
  sessionRoutes,
  userRoutes,
  orgUnitRoutes,
  orgUnitGroupRoutes,
  periodRoutes,
  dataElementRoutes,
  scorecardRoutes,
  indicatorRoutes,
  indicatorLibraryRoutes,
  targetRoutes,
  dataValueRoutes,
  reportedValueRoutes,
  assessmentRoutes,
  approvalRoutes,
  dataQualityRoutes,
  auditRoutes,
  studyRoutes,
  surveyRoutes(),
  surveyReminderRoutes,
  incentiveRoutes,
  fhirRoutes,
  importProfileRoutes,
  orgUnitIdentifierRoutes,
  pullRoutes,
];
