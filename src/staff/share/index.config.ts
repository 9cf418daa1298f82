export default definePageConfig({ navigationBarTitleText: '我的分享码', enableShareAppMessage: true })
