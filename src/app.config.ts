export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/parks/index',
    'pages/policies/index',
    'pages/mine/index',
    'pages/park/index',
    'pages/policy/index',
    'pages/match/index',
    'pages/compare/index',
    'pages/service/index',
    'pages/requests/index',
    'pages/request/index',
    'pages/privacy/index',
  ],
  // Staff pages live in their own subpackage so investors never download them.
  subPackages: [
    {
      root: 'staff',
      pages: ['login/index', 'inbox/index', 'request/index', 'dashboard/index'],
    },
  ],
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
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/parks/index', text: '园区' },
      { pagePath: 'pages/policies/index', text: '政策' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Required before a page collects a name or phone number (用户隐私保护指引).
  __usePrivacyCheck__: true,
})
