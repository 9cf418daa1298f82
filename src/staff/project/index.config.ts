export default definePageConfig({ navigationBarTitleText: '项目督考', enablePullDownRefresh: true, backgroundTextStyle: 'dark', enableShareAppMessage: true })
