export default definePageConfig({ navigationBarTitleText: '问需于企', enableShareAppMessage: true })
