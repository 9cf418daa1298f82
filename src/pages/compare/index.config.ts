export default definePageConfig({
  navigationBarTitleText: '园区对比',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
