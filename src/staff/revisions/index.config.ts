export default definePageConfig({ navigationBarTitleText: '修改记录' })
