export default definePageConfig({ navigationBarTitleText: '加入说事' })
