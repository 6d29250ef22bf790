export default definePageConfig({ navigationBarTitleText: '住户台账', onReachBottomDistance: 100 })
