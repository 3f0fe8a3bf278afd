/**
 * The header's account menu: who is signed in, changing one's own password (a dialog), and signing out
 * (DELETE /api/session, then the sign-in page).
 */
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession, useSignOut } from '../../lib/api/session.ts';
import { SIGN_IN_PATH } from '../../lib/api/session-helpers.ts';
import { PasswordDialog } from './password-dialog.tsx';

export function AccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  const [changing, setChanging] = useState(false);
  const email = session.data?.user.email;
  if (email === undefined) return null;
  return (
    <>
      {changing ? <PasswordDialog onClose={() => setChanging(false)} /> : null}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: t('ownPassword.menu') },
            { key: 'sign-out', label: t('account.signOut'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') {
              setChanging(true);
              return;
            }
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
    </>
  );
}
