/**
 * A district's Open311 partners: the admin issues each an api_key (shown once, kept as a hash), lists them and
 * revokes one; both are written to the audit log. A partner's key is checked here for its reports.
 */
import { DomainError } from '@linli/shared'
import type { Caller } from '../identity/ports'
import { apiKeyParts, keyHashOf, newApiKey, sameHash } from '../../adapters/ids'
import type { PartnerRecord, PartnersDeps } from './ports'
import { audited } from '../privacy/audit'

const viewOf = (p: PartnerRecord) => ({
  id: p.partnerId,
  name: p.name,
  keyHint: p.keyHint,
  createdAt: p.createdAt,
  ...(p.revokedAt ? { revokedAt: p.revokedAt } : {}),
})

export async function listPartners(deps: PartnersDeps, caller: Caller) {
  const partners = await deps.repos.partners.list(caller.user.districtId)
  return { items: partners.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(viewOf) }
}

const audit = (deps: PartnersDeps, caller: Caller, partner: PartnerRecord, what: string, route: string) =>
  audited(deps, caller, {
    subject: 'open311-partner',
    ids: [partner.partnerId],
    fields: [`${what}：${partner.name}（密钥尾号 ${partner.keyHint}）`],
    route,
  })

export async function createPartner(deps: PartnersDeps, caller: Caller, name: string) {
  const districtId = caller.user.districtId
  const partnerId = deps.newId().slice(0, 16)
  const { key, hash, hint } = newApiKey(districtId, partnerId)
  const partner: PartnerRecord = { districtId, partnerId, name, keyHash: hash, keyHint: hint, createdAt: deps.clock().toISOString(), createdBy: caller.user.id }
  await deps.repos.partners.create(partner)
  await audit(deps, caller, partner, '签发 api_key', 'POST /v1/admin/partners')
  return { ...viewOf(partner), apiKey: key }
}

export async function revokePartner(deps: PartnersDeps, caller: Caller, partnerId: string) {
  const districtId = caller.user.districtId
  const at = deps.clock().toISOString()
  if (!(await deps.repos.partners.revoke(districtId, partnerId, at, caller.user.id))) throw new DomainError('partner.notFound')
  const partner = (await deps.repos.partners.get(districtId, partnerId))!
  await audit(deps, caller, partner, '停用 api_key', 'POST /v1/admin/partners/{id}/revoke')
  return viewOf(partner)
}

/** The partner an api_key belongs to, if it is theirs and not revoked; otherwise 403 in the spec's words. */
export async function partnerOfKey(deps: Pick<PartnersDeps, 'repos'>, key: string): Promise<PartnerRecord> {
  const parts = apiKeyParts(key)
  const partner = parts && (await deps.repos.partners.get(parts.districtId, parts.partnerId))
  if (!parts || !partner || partner.revokedAt || !sameHash(partner.keyHash, keyHashOf(parts.secret)))
    throw new DomainError('open311.keyRefused', [{ path: 'api_key', message: 'api_key 无效或已停用' }])
  return partner
}
