export default definePageConfig({ navigationBarTitleText: '项目进度', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
