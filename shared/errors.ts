/**
 * The one error catalogue: every coded error the API can answer, its HTTP status and its zh-CN message.
 * Services throw `DomainError` with a code from here; the HTTP stack is the only place that maps it to a response.
 */
export const errorCatalogue = {
  'request.invalid': { status: 400, message: '请求参数有误' },
  'request.malformedJson': { status: 400, message: '请求体不是合法的 JSON' },
  'request.tooLarge': { status: 413, message: '请求体过大' },
  'request.unsupportedMediaType': { status: 415, message: '请求体必须是 application/json' },
  'route.notFound': { status: 404, message: '接口不存在' },
  'auth.required': { status: 401, message: '请先登录' },
  'auth.invalidToken': { status: 401, message: '登录已失效，请重新登录' },
  'auth.forbidden': { status: 403, message: '没有权限执行此操作' },
  'auth.invalidCode': { status: 400, message: '微信登录凭证无效或已使用，请重新登录' },
  'auth.rateLimited': { status: 429, message: '登录过于频繁，请稍后再试' },
  'wechat.unavailable': { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  'user.notFound': { status: 404, message: '用户不存在' },
  'invite.notFound': { status: 404, message: '邀请码不存在' },
  'invite.expired': { status: 410, message: '邀请码已过期' },
  'invite.used': { status: 409, message: '邀请码已被使用' },
  'invite.alreadyHasRole': { status: 409, message: '你已拥有该角色' },
  'grid.notFound': { status: 404, message: '网格不存在' },
  'grid.outsideDistrict': { status: 404, message: '该位置不在本辖区范围内' },
  'scope.notFound': { status: 404, message: '授权范围不存在' },
  'scope.wrongType': { status: 400, message: '该角色不能授权到这一类范围' },
  'case.notFound': { status: 404, message: '事件不存在' },
  'case.invalidTransition': { status: 409, message: '事件当前状态不允许此操作' },
  'case.conflict': { status: 409, message: '事件已被他人处理，请刷新后重试' },
  'case.alreadyFollowing': { status: 409, message: '你已关注该事件' },
  'category.notFound': { status: 400, message: '问题分类不存在' },
  'location.outsideDistrict': { status: 400, message: '位置不在本辖区范围内' },
  'department.notFound': { status: 400, message: '部门不存在' },
  'official.notFound': { status: 400, message: '所选人员不是该部门的工作人员' },
  'upload.invalid': { status: 400, message: '图片无效' },
  'content.risky': { status: 400, message: '内容包含违规信息，请修改后再提交' },
  'idempotency.mismatch': { status: 422, message: '同一个 Idempotency-Key 不能用于不同的内容' },
  'cursor.invalid': { status: 400, message: '分页游标无效' },
  internal: { status: 500, message: '服务器开小差了，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCatalogue

export interface FieldError {
  path: string
  message: string
}

/** The wire shape of every error answer (DESIGN.md §7). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[] }
  requestId: string
}

export class DomainError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    message?: string,
  ) {
    super(message ?? errorCatalogue[code].message)
    this.name = 'DomainError'
    this.status = errorCatalogue[code].status
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError
