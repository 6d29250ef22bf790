/** Error codes of the identity family: code → HTTP status and zh-CN message. */
export const identityErrors = {
  'auth.required': { status: 401, message: '请先登录' },
  'auth.invalidToken': { status: 401, message: '登录已失效，请重新登录' },
  'auth.sessionEnded': { status: 401, message: '登录已结束（已退出或被管理员收回），请重新登录' },
  'auth.forbidden': { status: 403, message: '没有权限执行此操作' },
  'auth.invalidCode': { status: 400, message: '微信登录凭证无效或已使用，请重新登录' },
  'auth.rateLimited': { status: 429, message: '登录过于频繁，请稍后再试' },
  'user.notFound': { status: 404, message: '用户不存在' },
  'invite.notFound': { status: 404, message: '邀请码不存在' },
  'invite.expired': { status: 410, message: '邀请码已过期' },
  'invite.used': { status: 409, message: '邀请码已被使用' },
  'invite.alreadyHasRole': { status: 409, message: '你已拥有该角色' },
  'invite.rateLimited': { status: 429, message: '邀请码尝试次数过多，请一小时后再试' },
  'role.notFound': { status: 404, message: '该人员没有这个角色' },
  'role.self': { status: 409, message: '不能收回自己的角色，请另一位管理员操作' },
  'scope.notFound': { status: 404, message: '授权范围不存在' },
  'scope.wrongType': { status: 400, message: '该角色不能授权到这一类范围' },
} as const
