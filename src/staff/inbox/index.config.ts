export default definePageConfig({
  navigationBarTitleText: '服务请求工作台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
