/**
 * The banner slot above every page. It says when the server is a demo installation (the session's or
 * `GET /api/meta`'s `demo`): public passwords and sample data.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMeta, useSession } from '../../lib/api/session.ts';

export function DemoBanner() {
  const { t } = useTranslation();
  const session = useSession();
  const meta = useMeta();
  if (session.data?.demo !== true && meta.data?.demo !== true) return null;
  return (
    <Alert
      data-testid="demo-banner"
      type="info"
      showIcon
      title={t('demo.title')}
      description={t('demo.description')}
      style={{ marginBottom: 16 }}
    />
  );
}
