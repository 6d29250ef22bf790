export default definePageConfig({ navigationBarTitleText: '部门与事件分类', enablePullDownRefresh: true })
