/** Placeholder: the page is being built (issue 5). */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

export function AssessmentsPage() {
  const { t } = useTranslation();
  return <PageHeading id="assessments-title" title={t('nav.assessments')} selection={null} />;
}
