export default definePageConfig({ navigationBarTitleText: '事件列表', enablePullDownRefresh: true, onReachBottomDistance: 80 })
