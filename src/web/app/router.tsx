/**
 * The routes. Each page is its own chunk (React.lazy), so the first screen loads only the overview's code.
 * Declarative routes (<BrowserRouter>/<Routes>) rather than a data router: the pages fetch through TanStack
 * Query, and the declarative mode is about 120 KB lighter. Redirects keep the query string (the selection).
 */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { LoadingPanel } from '../components/loading-panel.tsx';
import { useMyWork } from '../lib/api/my-work.ts';
import { useSession } from '../lib/api/session.ts';
import { QUESTIONNAIRE_PATH } from '../lib/api/session-helpers.ts';
import { hasDutyRole, landingPath } from './landing.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { LanguageSwitch } from './layout/language-switch.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { SignInRedirect } from './sign-in/sign-in-redirect.tsx';

const SignInPage = lazy(() =>
  import('./sign-in/sign-in-page.tsx').then((module) => ({ default: module.SignInPage })),
);

/** An expert's questionnaire: public (the link's token is the credential), without the app's menu. */
const QuestionnairePage = lazy(() =>
  import('../features/questionnaire/questionnaire-page.tsx').then((module) => ({
    default: module.QuestionnairePage,
  })),
);
const SurveysPage = lazy(() =>
  import('../features/surveys/surveys-page.tsx').then((module) => ({ default: module.SurveysPage })),
);
const SurveyPage = lazy(() =>
  import('../features/surveys/survey-page.tsx').then((module) => ({ default: module.SurveyPage })),
);

const IncentivesPage = lazy(() =>
  import('../features/incentives/incentives-page.tsx').then((module) => ({ default: module.IncentivesPage })),
);
const OverviewPage = lazy(() =>
  import('../features/overview/overview-page.tsx').then((module) => ({ default: module.OverviewPage })),
);
const ScorecardPage = lazy(() =>
  import('../features/scorecard/scorecard-page.tsx').then((module) => ({ default: module.ScorecardPage })),
);
const ComparisonPage = lazy(() =>
  import('../features/comparison/comparison-page.tsx').then((module) => ({ default: module.ComparisonPage })),
);
const PivotPage = lazy(() =>
  import('../features/pivot/pivot-page.tsx').then((module) => ({ default: module.PivotPage })),
);
const DataEntryPage = lazy(() =>
  import('../features/data-entry/data-entry-page.tsx').then((module) => ({ default: module.DataEntryPage })),
);
const AssessmentsPage = lazy(() =>
  import('../features/assessments/assessments-page.tsx').then((module) => ({
    default: module.AssessmentsPage,
  })),
);
const ImportsPage = lazy(() =>
  import('../features/imports/imports-page.tsx').then((module) => ({ default: module.ImportsPage })),
);
const DesignerPage = lazy(() =>
  import('../features/designer/designer-page.tsx').then((module) => ({ default: module.DesignerPage })),
);
const AdminPage = lazy(() =>
  import('../features/admin/admin-page.tsx').then((module) => ({ default: module.AdminPage })),
);
const StudiesPage = lazy(() =>
  import('../features/studies/studies-page.tsx').then((module) => ({ default: module.StudiesPage })),
);
const StrategyMapPage = lazy(() =>
  import('../features/strategy-map/strategy-map-page.tsx').then((module) => ({
    default: module.StrategyMapPage,
  })),
);
const MyWorkPage = lazy(() =>
  import('../features/my-work/my-work-page.tsx').then((module) => ({ default: module.MyWorkPage })),
);
const InboxPage = lazy(() =>
  import('../features/alerts/inbox-page.tsx').then((module) => ({ default: module.InboxPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/alerts/notifications-page.tsx').then((module) => ({
    default: module.NotificationsPage,
  })),
);
const ActionsPage = lazy(() =>
  import('../features/actions/actions-page.tsx').then((module) => ({ default: module.ActionsPage })),
);
const ActionPage = lazy(() =>
  import('../features/actions/action-page.tsx').then((module) => ({ default: module.ActionPage })),
);
const IndicatorPage = lazy(() =>
  import('../features/indicator/indicator-page.tsx').then((module) => ({ default: module.IndicatorPage })),
);

/** `/`: "my work" for users with duties, the overview for the others (landing.ts). */
function ToLanding() {
  const { search } = useLocation();
  const session = useSession();
  const assignments = session.data?.user.assignments ?? [];
  const byRole = hasDutyRole(assignments);
  const work = useMyWork(session.data !== undefined && !byRole);
  if (session.isPending) return <LoadingPanel isLoading />;
  const summary = work.isError
    ? null
    : work.data && { indicators: work.data.indicators.length, actions: work.data.actions.length };
  const pathname = session.isError ? '/overview' : landingPath(assignments, summary);
  if (pathname === null) return <LoadingPanel isLoading />;
  return <Navigate to={{ pathname, search }} replace />;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <SignInRedirect />
      <Routes>
        <Route
          path="/sign-in"
          element={
            <Suspense fallback={<LoadingPanel isLoading />}>
              <SignInPage />
            </Suspense>
          }
        />
        <Route
          path={`${QUESTIONNAIRE_PATH}/:token`}
          element={
            <Suspense fallback={<LoadingPanel isLoading />}>
              <QuestionnairePage languageSwitch={<LanguageSwitch />} />
            </Suspense>
          }
        />
        <Route path="/" element={<AppLayout />}>
          <Route index element={<ToLanding />} />
          <Route path="overview" element={<OverviewPage />} />
          <Route path="scorecard" element={<ScorecardPage />} />
          <Route path="comparison" element={<ComparisonPage />} />
          <Route path="pivot" element={<PivotPage />} />
          <Route path="data-entry" element={<DataEntryPage />} />
          <Route path="assessments" element={<AssessmentsPage />} />
          <Route path="imports" element={<ImportsPage />} />
          <Route path="designer" element={<DesignerPage />} />
          <Route path="admin" element={<AdminPage />} />
          <Route path="studies" element={<StudiesPage />} />
          <Route path="incentives" element={<IncentivesPage />} />
          <Route path="strategy-map" element={<StrategyMapPage />} />
          <Route path="surveys" element={<SurveysPage />} />
          <Route path="surveys/:id" element={<SurveyPage />} />
          <Route path="indicators/:indicator" element={<IndicatorPage />} />
          <Route path="my-work" element={<MyWorkPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="actions" element={<ActionsPage />} />
          <Route path="actions/:id" element={<ActionPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
