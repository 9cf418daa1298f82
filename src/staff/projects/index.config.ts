export default definePageConfig({ navigationBarTitleText: '督考看板', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
