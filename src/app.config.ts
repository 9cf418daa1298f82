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
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/parks/index', text: '园区', iconPath: 'assets/tabbar/parks.png', selectedIconPath: 'assets/tabbar/parks-active.png' },
      { pagePath: 'pages/policies/index', text: '政策', iconPath: 'assets/tabbar/policies.png', selectedIconPath: 'assets/tabbar/policies-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Required before a page collects a name or phone number (用户隐私保护指引).
  __usePrivacyCheck__: true,
})
