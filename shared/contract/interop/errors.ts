/** Error codes of interop (Open311): code → HTTP status and zh-CN message. */
export const interopErrors = {
  // jurisdiction_id names no district of this deployment.
  'open311.jurisdictionNotFound': { status: 404, message: '没有这个辖区（jurisdiction_id）' },
  // service_code names no category of the district.
  'open311.serviceNotFound': { status: 404, message: '没有这个服务（service_code）' },
  // service_request_id names no case with a public face.
  'open311.requestNotFound': { status: 404, message: '没有这个事件（service_request_id）' },
} as const
