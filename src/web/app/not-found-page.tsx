import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const navigate = useNavigate();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
      <Empty description={<h2 style={{ fontSize: 18 }}>{t('notFound.title')}</h2>}>
        <Button type="primary" onClick={() => void navigate({ pathname: '/overview', search })}>
          {t('notFound.back')}
        </Button>
      </Empty>
    </div>
  );
}
