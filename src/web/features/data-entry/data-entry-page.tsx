/** Placeholder: the page is being built (issue 5). */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

export function DataEntryPage() {
  const { t } = useTranslation();
  return <PageHeading id="data-entry-title" title={t('nav.dataEntry')} selection={null} />;
}
