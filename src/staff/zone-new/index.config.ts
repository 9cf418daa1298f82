export default definePageConfig({ navigationBarTitleText: '开发区设置' })
