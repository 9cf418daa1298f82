export default definePageConfig({
  navigationBarTitleText: '载体',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
