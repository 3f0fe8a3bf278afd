/**
 * The routes. Each page is its own chunk (React.lazy), so the first screen loads only the overview's code.
 * Declarative routes (<BrowserRouter>/<Routes>) rather than a data router: the pages fetch through TanStack
 * Query, and the declarative mode is about 120 KB lighter. Redirects keep the query string (the selection).
 */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { LoadingPanel } from '../components/loading-panel.tsx';
import { QUESTIONNAIRE_PATH } from '../lib/api/session-helpers.ts';
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
const IndicatorPage = lazy(() =>
  import('../features/indicator/indicator-page.tsx').then((module) => ({ default: module.IndicatorPage })),
);

function ToOverview() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/overview', search }} replace />;
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
          <Route index element={<ToOverview />} />
          <Route path="overview" element={<OverviewPage />} />
          <Route path="scorecard" element={<ScorecardPage />} />
          <Route path="comparison" element={<ComparisonPage />} />
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
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
