export default definePageConfig({ navigationBarTitleText: '说事室管理' })
