/** Placeholder: the page is being built (issue 5). */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

export function ImportsPage() {
  const { t } = useTranslation();
  return <PageHeading id="imports-title" title={t('nav.imports')} selection={null} />;
}
