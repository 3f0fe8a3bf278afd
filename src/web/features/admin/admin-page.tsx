/** Placeholder: the page is being built (issue 5). */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

export function AdminPage() {
  const { t } = useTranslation();
  return <PageHeading id="admin-title" title={t('nav.admin')} selection={null} />;
}
