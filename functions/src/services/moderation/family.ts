/** Content and media checks as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeModerationEntities } from '../../db/moderation/entities'
import { makeModerationRepo } from '../../db/moderation/repo'
import type { ModerationRepo } from './ports'

export const moderationFamily: Family<ReturnType<typeof makeModerationEntities>, { moderation: ModerationRepo }> = {
  name: 'moderation',
  storage: {
    entities: makeModerationEntities,
    repos: (e) => ({ moderation: makeModerationRepo(e) }),
  },
}
