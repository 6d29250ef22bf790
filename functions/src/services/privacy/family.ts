/** Personal information (sealed fields' data keys, the audit log of who read them) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import type { DataKeyStore } from '../../adapters/pii'
import { makePrivacyEntities } from '../../db/privacy/entities'
import { makeAuditRepo, makeDataKeyStore } from '../../db/privacy/repo'
import { privacyPatterns } from '../../db/privacy/patterns'
import type { AuditRepo } from './ports'

export const privacyFamily: Family<ReturnType<typeof makePrivacyEntities>, { dataKeys: DataKeyStore; audit: AuditRepo }> = {
  name: 'privacy',
  storage: {
    entities: makePrivacyEntities,
    repos: (e) => ({ dataKeys: makeDataKeyStore(e), audit: makeAuditRepo(e) }),
  },
  patterns: privacyPatterns,
}
