/** Placeholder: the page is being built (issue 5). */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

export function IndicatorPage() {
  const { t } = useTranslation();
  return <PageHeading id="indicator-title" title={t('nav.scorecard')} selection={null} />;
}
