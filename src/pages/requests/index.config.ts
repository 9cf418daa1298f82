export default definePageConfig({ navigationBarTitleText: '我的服务请求', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
