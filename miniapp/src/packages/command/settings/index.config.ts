export default definePageConfig({ navigationBarTitleText: '评分与预警规则' })
