/** The pages of the side menu, in order; `labelKey` is the menu's translation key. */
export const PAGES = [
  { path: '/overview', labelKey: 'nav.overview' },
  { path: '/scorecard', labelKey: 'nav.scorecard' },
  { path: '/comparison', labelKey: 'nav.comparison' },
] as const;
