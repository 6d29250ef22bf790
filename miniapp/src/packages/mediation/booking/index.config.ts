export default definePageConfig({ navigationBarTitleText: '预约详情', enableShareAppMessage: true })
