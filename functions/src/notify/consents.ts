import { LONG_TERM_GRANTS, templateKeys, type TemplateKey } from '@linli/shared'
import type { Caller } from '../services/identity/ports'
import type { Deps } from '../services/deps'

/**
 * Records one wx.requestSubscribeMessage result: each `accept` of a one-time template allows one message; an
 * `accept` of a long-term one (the deployment's LONG_TERM_TEMPLATES) allows them until the user turns it off.
 */
export async function recordSubscription(deps: Deps, caller: Caller, templateKey: TemplateKey, result: 'accept' | 'reject' | 'ban' | 'filter') {
  const { longTerm } = deps.templates[templateKey]
  const consents = deps.repos.consents
  let grants: number
  if (result !== 'accept') grants = await consents.grants(caller.user.id, templateKey)
  else if (longTerm) await consents.setGrants(caller.user.id, templateKey, (grants = LONG_TERM_GRANTS))
  else grants = await consents.addGrant(caller.user.id, templateKey)
  return { templateKey, grants, longTerm: longTerm && grants > 0 }
}

/** The grants left of every template (0 where the user never allowed one); a long-term one says so. */
export async function listGrants(deps: Deps, caller: Caller) {
  const left = new Map((await deps.repos.consents.allGrants(caller.user.id)).map((g) => [g.templateKey, g.grants]))
  return {
    items: templateKeys.map((templateKey) => {
      const grants = left.get(templateKey) ?? 0
      return { templateKey, grants, longTerm: deps.templates[templateKey].longTerm && grants > 0 }
    }),
  }
}
