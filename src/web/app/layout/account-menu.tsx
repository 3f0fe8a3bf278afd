/** The header's account menu: who is signed in, and signing out (DELETE /api/session, then the sign-in page). */
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession, useSignOut } from '../../lib/api/session.ts';
import { SIGN_IN_PATH } from '../../lib/api/session-helpers.ts';

export function AccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  const email = session.data?.user.email;
  if (email === undefined) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [{ key: 'sign-out', label: t('account.signOut'), danger: true }],
        onClick: ({ key }) => {
          if (key !== 'sign-out') return;
          // Whether or not the server still knew the session, the user is signed out here.
          signOut.mutate(undefined, { onSettled: () => void navigate(SIGN_IN_PATH, { replace: true }) });
        },
      }}
    >
      <Button
        data-testid="account-menu"
        aria-label={t('account.menu', { email })}
        loading={signOut.isPending}
      >
        {email}
      </Button>
    </Dropdown>
  );
}
