/**
 * The demo installation's accounts (README.md, "Accounts and demo users"): public passwords, shown on the
 * sign-in page only when `GET /api/meta` says the server is a demo.
 */
export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly roleKey:
    | 'signIn.demoRoles.admin'
    | 'signIn.demoRoles.strategist'
    | 'signIn.demoRoles.steward'
    | 'signIn.demoRoles.entry'
    | 'signIn.demoRoles.approver'
    | 'signIn.demoRoles.viewer';
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.healthbsc', password: 'demo-admin-2026', roleKey: 'signIn.demoRoles.admin' },
  {
    email: 'strategist@demo.healthbsc',
    password: 'demo-strategist-2026',
    roleKey: 'signIn.demoRoles.strategist',
  },
  { email: 'steward@demo.healthbsc', password: 'demo-steward-2026', roleKey: 'signIn.demoRoles.steward' },
  { email: 'entry@demo.healthbsc', password: 'demo-entry-2026', roleKey: 'signIn.demoRoles.entry' },
  { email: 'approver@demo.healthbsc', password: 'demo-approver-2026', roleKey: 'signIn.demoRoles.approver' },
  { email: 'viewer@demo.healthbsc', password: 'demo-viewer-2026', roleKey: 'signIn.demoRoles.viewer' },
];
