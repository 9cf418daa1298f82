export default definePageConfig({
  navigationBarTitleText: '园区通',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
