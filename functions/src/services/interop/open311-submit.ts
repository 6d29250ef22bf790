/**
 * A partner's report through Open311 (POST requests): its api_key checked, its hourly allowance counted, then the case
 * loop's own submission with the partner as the reporter — routed, numbered, on the SLA clock, dispatched like any.
 * WeChat's content check needs a WeChat user, which a partner is not: its text waits for a dispatcher's look (flagged)
 * before anyone else sees it. What the partner says of its own user (names, email, device) is not kept; a phone in
 * China's mobile form becomes the case's sealed contact phone; media_url is not fetched (its content is unchecked).
 */
import { caseStatusLabels, chinaTime, DomainError, type RouteBody, type open311RequestCreate, type open311UpdateCreate } from '@linli/shared'
import type { Caller } from '../identity/ports'
import { enforce, type Limit } from '../identity/limits'
import { submit } from '../cases/submit'
import { fireEvent } from '../cases/events'
import type { CasesDeps } from '../cases/ports'
import { partnerOfKey } from './partners'
import type { PartnerRecord, PartnersDeps } from './ports'

/** Reports one partner may send in an hour (a city hotline's busiest hour, with room). */
export const PARTNER_LIMIT: Limit = { name: 'open311.submit', label: '上报', hour: 600, code: 'open311.tooMany' }

/** The partner an api_key names, as the caller of the case loop: the reporter of what it sends, counted per hour. */
async function partnerCaller(deps: CasesDeps & PartnersDeps, apiKey: string, jurisdictionId: string | undefined) {
  const partner = await partnerOfKey(deps, apiKey)
  if (jurisdictionId && jurisdictionId !== partner.districtId)
    throw new DomainError('open311.keyRefused', [{ path: 'jurisdiction_id', message: '此 api_key 不属于该辖区' }])
  const caller: Caller = { user: { id: `partner-${partner.partnerId}`, districtId: partner.districtId, name: partner.name }, roles: [] }
  await enforce(deps, caller.user.id, PARTNER_LIMIT)
  return { partner, caller }
}

export async function submitAsPartner(deps: CasesDeps & PartnersDeps, body: RouteBody<typeof open311RequestCreate>) {
  const { partner, caller } = await partnerCaller(deps, body.api_key, body.jurisdiction_id)
  const category = (await deps.catalogue(partner.districtId)).categories.find((c) => c.id === body.service_code)
  if (!category) throw new DomainError('open311.serviceNotFound', [{ path: 'service_code', message: '没有这个服务（service_code）' }])
  const mobile = body.phone?.replace(/[\s-]/g, '').replace(/^\+?86/, '')
  const detail = await submit(
    deps,
    caller,
    {
      categoryId: body.service_code,
      description: body.description || `${category.name}（合作方未附描述）`,
      location: { lat: body.lat!, lng: body.long!, address: body.address_string },
      photoKeys: [],
      anonymous: false,
      ...(mobile && /^1\d{10}$/.test(mobile) ? { contactPhone: mobile } : {}),
    },
    // The partner's own limit was counted above.
    { limited: false },
  )
  return [
    {
      service_request_id: detail.id,
      service_notice: `已收到，编号 ${detail.number}，${caseStatusLabels[detail.status]}；办结时限 ${chinaTime(detail.deadlines.resolveBy)}`,
      ...(body.account_id ? { account_id: body.account_id } : {}),
    },
  ]
}

/**
 * A partner's update on a case it reported: `closed` withdraws it (while nobody has handled it), `open` on a handled
 * case sends it back (重办), the description the reason — the case loop's own events, the partner as reporter. A case
 * another reported is unknown to it (404).
 */
export async function updateAsPartner(deps: CasesDeps & PartnersDeps, body: RouteBody<typeof open311UpdateCreate>) {
  const { partner, caller } = await partnerCaller(deps, body.api_key, body.jurisdiction_id)
  const found = await deps.repos.cases.get(partner.districtId, body.service_request_id)
  if (!found || !isReporter(found.record.reporterId, partner)) throw new DomainError('open311.requestNotFound')
  const type = body.status === 'closed' ? 'withdraw' : 'reopen'
  const after = await fireEvent(deps, caller, body.service_request_id, { type, reason: body.description })
  return [{ update_id: `${after.id}~${after.version}` }]
}

const isReporter = (reporterId: string, partner: PartnerRecord) => reporterId === `partner-${partner.partnerId}`
