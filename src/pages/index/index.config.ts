export default definePageConfig({ navigationBarTitleText: '园区通' })
