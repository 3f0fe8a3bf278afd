/**
 * The header's inbox bell: the number of unread alerts (polled once a minute and when the window regains focus,
 * lib/api/alerts.ts) on a button that opens the inbox. Nothing shows while signed out.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../../lib/api/alerts.ts';
import { useSession } from '../../lib/api/session.ts';

export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signedIn = session.data?.user !== undefined;
  const count = useUnreadCount(signedIn);
  if (!signedIn) return null;
  const unread = count.data?.unread ?? 0;
  return (
    <Badge count={unread} overflowCount={99} size="small" data-testid="inbox-badge">
      <Button
        icon={<BellOutlined />}
        data-testid="inbox-bell"
        data-unread={unread}
        aria-label={t('alerts.bell', { count: unread })}
        onClick={() => void navigate('/inbox')}
      />
    </Badge>
  );
}
