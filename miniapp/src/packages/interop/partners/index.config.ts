export default definePageConfig({ navigationBarTitleText: '合作方接入' })
