import { templateKeys, type TemplateKey } from '@linli/shared'
import type { Caller } from '../services/identity/ports'
import type { Deps } from '../services/deps'

/** Records one wx.requestSubscribeMessage result: each `accept` of a one-time template allows one message. */
export async function recordSubscription(deps: Deps, caller: Caller, templateKey: TemplateKey, result: 'accept' | 'reject' | 'ban' | 'filter') {
  const grants = result === 'accept' ? await deps.repos.consents.addGrant(caller.user.id, templateKey) : await deps.repos.consents.grants(caller.user.id, templateKey)
  return { templateKey, grants }
}

/** The grants left of every template (0 where the user never allowed one). */
export async function listGrants(deps: Deps, caller: Caller) {
  const left = new Map((await deps.repos.consents.allGrants(caller.user.id)).map((g) => [g.templateKey, g.grants]))
  return { items: templateKeys.map((templateKey) => ({ templateKey, grants: left.get(templateKey) ?? 0 })) }
}
