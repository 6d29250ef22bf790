/**
 * A district's Open311 partners (DESIGN.md §3, Interop): the admin issues each partner an api_key (shown once, kept as
 * a hash), sees them listed by the key's last four characters, and revokes one; every issue and revocation is in
 * the audit log. A partner's reports enter the same loop as a resident's, the partner as their channel.
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { idParams } from '../common'

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  keyHint: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
})

export const partnersList = defineRoute({
  method: 'GET',
  path: '/v1/admin/partners',
  summary: '本辖区的 Open311 合作方（接入的热线平台、合作应用）及其密钥尾号、启用与停用时间',
  action: 'open311.partners',
  response: z.object({ items: z.array(partnerSchema) }),
})

export const partnersCreate = defineRoute({
  method: 'POST',
  path: '/v1/admin/partners',
  summary: '为合作方签发 api_key：密钥只在此时显示一次，服务器只存其摘要；签发留痕',
  action: 'open311.partners',
  body: z.strictObject({
    name: z.string({ error: '请填写合作方名称' }).trim().min(1, '请填写合作方名称').min(2, '合作方名称至少 2 个字').max(40, '合作方名称最多 40 个字'),
  }),
  response: partnerSchema.extend({ apiKey: z.string() }),
  status: 201,
})

export const partnersRevoke = defineRoute({
  method: 'POST',
  path: '/v1/admin/partners/{id}/revoke',
  summary: '停用合作方的 api_key：之后它的上报一律被拒；停用留痕',
  action: 'open311.partners',
  params: idParams,
  response: partnerSchema,
})
