/** Error codes of the field-work family: code → HTTP status and zh-CN message. */
export const fieldErrors = {
  'checkin.outsideGrid': { status: 422, message: '打卡位置不在你负责的网格内' },
  'checkin.badAccuracy': { status: 422, message: '定位精度不足，请到开阔处重新定位后打卡' },
  'checkin.badTime': { status: 400, message: '拍摄时间不正确' },
  'checkin.noGrid': { status: 409, message: '你负责的网格尚未划定边界，暂不能打卡' },
  'household.notFound': { status: 404, message: '住户不存在' },
  'household.conflict': { status: 409, message: '该户台账已被他人修改，请刷新后重试' },
  'household.exists': { status: 409, message: '该门牌已登记在台账中' },
  'household.linked': { status: 409, message: '已有居民关联这一户，不能修改门牌' },
  'household.importInvalid': { status: 422, message: '表格有误，整表未导入，请按提示修改后重新导入' },
  'patrol.notFound': { status: 404, message: '巡查不存在' },
  'patrol.closed': { status: 409, message: '该巡查已结束或打卡点已满，请开始新的巡查' },
  'patrol.idTaken': { status: 409, message: '巡查编号已被使用，请重新开始巡查' },
  'announcement.notFound': { status: 404, message: '通知不存在' },
  'group.boundElsewhere': { status: 409, message: '这个群已绑定到其他网格' },
  'householdLink.notFound': { status: 404, message: '绑定申请不存在' },
  'householdLink.notOnRoster': { status: 409, message: '台账中没有这一户，请先登记住户再通过' },
} as const
