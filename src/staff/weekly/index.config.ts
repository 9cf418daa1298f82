export default definePageConfig({ navigationBarTitleText: '督考周报' })
