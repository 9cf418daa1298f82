export default definePageConfig({
  navigationBarTitleText: '产业链',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
