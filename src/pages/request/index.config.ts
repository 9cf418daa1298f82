export default definePageConfig({ navigationBarTitleText: '请求详情', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
