/** Error codes of interop (Open311): code → HTTP status and zh-CN message. */
export const interopErrors = {
  // jurisdiction_id names no district of this deployment.
  'open311.jurisdictionNotFound': { status: 404, message: '没有这个辖区（jurisdiction_id）' },
  // service_code names no category of the district.
  'open311.serviceNotFound': { status: 404, message: '没有这个服务（service_code）' },
  // service_request_id names no case with a public face.
  'open311.requestNotFound': { status: 404, message: '没有这个事件（service_request_id）' },
  // api_key missing, unknown, or revoked by the district's admin.
  'open311.keyRefused': { status: 403, message: 'api_key 无效或已停用' },
  // The partner sent more reports this hour than a partner may.
  'open311.tooMany': { status: 429, message: '本小时上报过多，请稍后再试' },
  // No partner of this id in the district (or revoked already).
  'partner.notFound': { status: 404, message: '没有这个合作方，或已停用' },
} as const
