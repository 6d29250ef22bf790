/** Error codes of the mediation family: code → HTTP status and zh-CN message. */
export const mediationErrors = {
  'room.notFound': { status: 404, message: '说事室不存在' },
  'mediator.notFound': { status: 404, message: '调解员不存在' },
  'booking.notFound': { status: 404, message: '预约不存在' },
  'exception.notFound': { status: 404, message: '该请假、加开或闭馆记录不存在' },
  'booking.slotTaken': { status: 409, message: '该时段已被预约，请选择其他时段' },
  'booking.slotUnavailable': { status: 400, message: '该时段不可预约' },
  'booking.limitReached': { status: 409, message: '你已有 2 个待进行的预约，请先完成或取消后再预约' },
  'booking.invalidTransition': { status: 409, message: '预约当前状态不允许此操作' },
  'booking.conflict': { status: 409, message: '预约已被他人处理，请刷新后重试' },
  'booking.inviteNotFound': { status: 404, message: '邀请码无效或预约已结束' },
  'booking.alreadyJoined': { status: 409, message: '该预约已有对方当事人加入' },
  'booking.noAgreement': { status: 404, message: '该预约没有书面调解协议' },
  'booking.tooLate': { status: 409, message: '已过可取消或改期的时间，请联系调解员' },
} as const
