export default definePageConfig({ navigationBarTitleText: '找店小二' })
