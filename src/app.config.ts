export default defineAppConfig({
  // The main package holds only the four tabs; every other page is its own subpackage under the same
  // path (shared links keep working) so a first open downloads as little as possible.
  pages: ['pages/index/index', 'pages/parks/index', 'pages/policies/index', 'pages/mine/index'],
  subPackages: [
    ...[
      'park',
      'zone',
      'spaces',
      'space',
      'chain',
      'policy',
      'match',
      'compare',
      'service',
      'requests',
      'request',
      'privacy',
      'following',
      'project',
      'claim',
      'survey',
    ].map((name) => ({
      root: `pages/${name}`,
      pages: ['index'],
    })),
    // Staff pages live in their own subpackage so investors never download them.
    {
      root: 'staff',
      pages: [
        'login/index',
        'inbox/index',
        'request/index',
        'dashboard/index',
        'projects/index',
        'project/index',
        'weekly/index',
        'surveys/index',
        'survey/index',
        'survey-edit/index',
        'share/index',
        'content/index',
        'content-list/index',
        'content-edit/index',
        'revisions/index',
        'zone-new/index',
        'accounts/index',
        'canned-replies/index',
      ],
    },
  ],
  // Fetch the pages a tab leads to while the investor reads it (Wi-Fi or not: they are small).
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/park', 'pages/zone', 'pages/policy', 'pages/service'] },
    'pages/parks/index': { network: 'all', packages: ['pages/park', 'pages/compare', 'pages/spaces'] },
    'pages/policies/index': { network: 'all', packages: ['pages/policy', 'pages/match'] },
    'pages/mine/index': { network: 'all', packages: ['pages/requests', 'pages/request', 'pages/park'] },
  },
  window: {
    navigationBarTitleText: '园区通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#0b57d0',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/parks/index',
        text: '园区',
        iconPath: 'assets/tabbar/parks.png',
        selectedIconPath: 'assets/tabbar/parks-active.png',
      },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tabbar/policies.png',
        selectedIconPath: 'assets/tabbar/policies-active.png',
      },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Required before a page collects a name or phone number (用户隐私保护指引).
  __usePrivacyCheck__: true,
})
