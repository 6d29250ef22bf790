export default definePageConfig({ navigationBarTitleText: '邻里', enablePullDownRefresh: true, enableShareAppMessage: true })
