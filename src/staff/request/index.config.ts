export default definePageConfig({ navigationBarTitleText: '请求办理', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
