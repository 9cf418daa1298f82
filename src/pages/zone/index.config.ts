export default definePageConfig({
  navigationBarTitleText: '开发区',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
