/** Error codes of the cases family: code → HTTP status and zh-CN message. */
export const caseErrors = {
  'case.notFound': { status: 404, message: '事件不存在' },
  'case.invalidTransition': { status: 409, message: '事件当前状态不允许此操作' },
  'case.conflict': { status: 409, message: '事件已被他人处理，请刷新后重试' },
  'case.reportLimited': { status: 429, message: '今天举报的次数太多了，请明天再试' },
  'case.alreadyFollowing': { status: 409, message: '你已关注该事件' },
  'case.notFollowing': { status: 409, message: '你尚未关注该事件' },
  'report.notFound': { status: 404, message: '没有该层级的统计' },
} as const
