export default definePageConfig({ navigationBarTitleText: '通知公告', onReachBottomDistance: 100, enableShareAppMessage: true })
