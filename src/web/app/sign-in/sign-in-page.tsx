/**
 * `/sign-in`: email and password (POST /api/session), the server's problem worded in the user's language (a 429
 * with the time to wait), a language switch, and on a demo server the demo accounts to fill in with a click. After
 * signing in the user goes back to `?next=` (the page and its query string), or to `/`.
 *
 * Where the server offers them (`/api/meta`'s `signIn`), the hospital's accounts too: a button that goes to the
 * OpenID Connect provider, and a tab for a directory (LDAP) account (POST /api/session/directory). A failed
 * provider sign-in comes back as `?sso-error=<problem code>`, worded here.
 */
import { Alert, Button, Card, Divider, Form, Input, Tabs, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { problemDetail, wordCode } from '../../components/problem-words.ts';
import { isApiError } from '../../lib/api/api-error.ts';
import { oidcSignInHref, useDirectorySignIn, useMeta, useSignIn } from '../../lib/api/session.ts';
import { retryAfterSeconds, safeNext } from '../../lib/api/session-helpers.ts';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

/** The form's field names (keys of the sign-in body, never shown). */
const FIELD = { email: 'email', password: 'password' } as const satisfies Record<keyof Credentials, string>;

interface Credentials {
  readonly email: string;
  readonly password: string;
}

interface DirectoryCredentials {
  readonly login: string;
  readonly password: string;
}

const DIRECTORY_FIELD = { login: 'login', password: 'password' } as const satisfies Record<
  keyof DirectoryCredentials,
  string
>;

function SignInError({ error }: { readonly error: unknown }) {
  const { t } = useTranslation();
  if (error === null) return null;
  const seconds = isApiError(error) ? retryAfterSeconds(error.problem) : null;
  const title =
    seconds !== null
      ? t('signIn.throttled', { seconds })
      : isApiError(error) && error.status === 401
        ? t('signIn.wrong')
        : t('signIn.failed');
  const detail = problemDetail(t, error);
  return (
    <Alert
      data-testid="sign-in-error"
      type="error"
      showIcon
      title={title}
      description={detail}
      role="alert"
    />
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const meta = useMeta();
  const signIn = useSignIn();
  const directorySignIn = useDirectorySignIn();
  const [tab, setTab] = useState<'directory' | 'local'>('directory');

  const oidc = meta.data?.signIn.oidc ?? null;
  const ldap = meta.data?.signIn.ldap ?? null;
  const next = safeNext(params.get('next'));
  const ssoError = params.get('sso-error');

  const submit = (values: Credentials) => {
    signIn.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  const submitDirectory = (values: DirectoryCredentials) => {
    directorySignIn.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  const localForm = (
    <Form<Credentials>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      data-testid="sign-in-form"
    >
      <Form.Item
        label={t('signIn.email')}
        name={FIELD.email}
        rules={[{ required: true, message: t('signIn.emailRequired') }]}
      >
        <Input type="email" autoComplete="username" autoFocus data-testid="sign-in-email" />
      </Form.Item>
      <Form.Item
        label={t('signIn.password')}
        name={FIELD.password}
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="sign-in-password" />
      </Form.Item>
      {signIn.error === null ? null : (
        <div style={{ marginBottom: 16 }}>
          <SignInError error={signIn.error} />
        </div>
      )}
      <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="sign-in-submit">
        {t('signIn.submit')}
      </Button>
    </Form>
  );

  const directoryForm = (
    <Form<DirectoryCredentials>
      layout="vertical"
      requiredMark={false}
      onFinish={submitDirectory}
      data-testid="sign-in-directory-form"
    >
      <Form.Item
        label={t('signIn.login')}
        name={DIRECTORY_FIELD.login}
        rules={[{ required: true, message: t('signIn.loginRequired') }]}
      >
        <Input autoComplete="username" data-testid="sign-in-login" />
      </Form.Item>
      <Form.Item
        label={t('signIn.password')}
        name={DIRECTORY_FIELD.password}
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="sign-in-directory-password" />
      </Form.Item>
      {directorySignIn.error === null ? null : (
        <div style={{ marginBottom: 16 }}>
          <SignInError error={directorySignIn.error} />
        </div>
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={directorySignIn.isPending}
        data-testid="sign-in-directory-submit"
      >
        {t('signIn.submit')}
      </Button>
    </Form>
  );

  return (
    <main
      id="main"
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: token.colorBgLayout }}
    >
      <div style={{ width: 'min(420px, 100% - 32px)', display: 'grid', gap: 16, padding: '24px 0' }}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
          <h1 style={{ fontSize: 24, fontWeight: 700, margin: 0, color: token.colorPrimary }}>
            {t('app.name')}
          </h1>
          <LanguageSwitch />
        </div>
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('signIn.title')}</h2>}>
          {ssoError === null ? null : (
            <Alert
              data-testid="sso-error"
              type="error"
              showIcon
              title={t('signIn.ssoFailed')}
              description={wordCode(t, `problems.${ssoError}`, {}, t('signIn.failed'))}
              role="alert"
              style={{ marginBottom: 16 }}
            />
          )}
          {oidc === null ? null : (
            <>
              <Button block size="large" href={oidcSignInHref(next)} data-testid="sign-in-oidc">
                {t('signIn.withProvider', { name: oidc.name ?? t('signIn.providerDefault') })}
              </Button>
              <Divider plain>{t('signIn.or')}</Divider>
            </>
          )}
          {ldap === null ? (
            localForm
          ) : (
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key === 'local' ? 'local' : 'directory')}
              items={[
                {
                  key: 'directory',
                  label: (
                    <span data-testid="sign-in-tab-directory">
                      {ldap.name ?? t('signIn.directoryDefault')}
                    </span>
                  ),
                  children: directoryForm,
                },
                {
                  key: 'local',
                  label: <span data-testid="sign-in-tab-local">{t('signIn.localTab')}</span>,
                  children: localForm,
                },
              ]}
            />
          )}
        </Card>
        {meta.data?.demo === true ? (
          <Card size="small" title={t('signIn.demoTitle')} data-testid="demo-accounts">
            <p style={{ marginTop: 0 }}>{t('signIn.demoHint')}</p>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 }}>
              {DEMO_ACCOUNTS.map((account) => (
                <li
                  key={account.email}
                  style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}
                >
                  <span>
                    <code>{account.email}</code>{' '}
                    <span style={{ color: token.colorTextSecondary }}>{t(account.roleKey)}</span>
                  </span>
                  <Button
                    size="small"
                    data-testid={`demo-fill-${account.email}`}
                    onClick={() => form.setFieldsValue({ email: account.email, password: account.password })}
                    aria-label={t('signIn.fillAs', { email: account.email })}
                  >
                    {t('signIn.fill')}
                  </Button>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </main>
  );
}
