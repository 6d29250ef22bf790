export default definePageConfig({ navigationBarTitleText: '住户台账', enablePullDownRefresh: true, onReachBottomDistance: 100 })
