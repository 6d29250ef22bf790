export default definePageConfig({ navigationBarTitleText: '接待时间' })
