/** Placeholder: the page is being built (issue 5). */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

export function DesignerPage() {
  const { t } = useTranslation();
  return <PageHeading id="designer-title" title={t('nav.designer')} selection={null} />;
}
