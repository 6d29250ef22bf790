/** What services need from the outside world, passed in (DESIGN.md §2 rule 8): real in Lambda, fakes in unit tests. */
import type { WechatClient } from '../adapters/wechat'
import type { SessionTokens } from '../adapters/session-token'
import type { Storage } from '../adapters/storage'
import type { Catalogue, CatalogueNeed } from './district/ports'
import type { Pii } from '../adapters/pii'
import type { MiniprogramState, Sender } from '../notify/ports'
import type { DueRepo } from '../jobs/ports'
import type { TemplateConfig } from '../notify/templates'
import type { FamilyRepos } from '../families'
import type { WorkdayCalendar } from '@linli/shared'
import type { LimitOverrides } from './identity/limits'

/** Every family's repositories (composed from functions/src/families.ts), and the due index the jobs read. */
export type Repos = FamilyRepos & { due: DueRepo }

export interface Deps {
  repos: Repos
  catalogue: (districtId: string, needs?: CatalogueNeed) => Promise<Catalogue>
  wechat: Pick<WechatClient, 'code2Session' | 'groupEnterInfo' | 'msgSecCheck' | 'mediaCheckAsync'>
  /** Delivers subscribe messages: WeChat in Lambda, a recording sender in unit tests. */
  sender: Sender
  /** Seals and opens personal information (phones, addresses, care tags) field by field. */
  pii: Pii
  storage: Pick<Storage, 'presignUpload' | 'inspect' | 'copy' | 'viewUrl' | 'read' | 'write'>
  tokens: SessionTokens
  clock: () => Date
  /** China's official calendar: the end of the n-th working day (SLA bands counted in working days). */
  workdays: WorkdayCalendar
  newId: () => string
  idSalt: string
  /** WeChat signs its pushes to our message server with this token. */
  pushToken: string
  /** Signs page cursors. */
  cursorSecret: string
  defaultDistrictId: string
  /** WeChat template ids and keyword names in force (configuration over the registry's defaults). */
  templates: TemplateConfig
  /** Which build a notice opens (developer / trial / formal), per stage. */
  miniprogramState: MiniprogramState
  /** Per-user limits configuration raises or lowers, by name (services/identity/limits.ts). */
  limits?: LimitOverrides
  /** Minutes within which a second report of an emergency in a grid joins the first (services/cases/submit.ts); 0: never. */
  urgentJoinMinutes?: number
  /** The CJK font PDFs embed (a layer's file on AWS; the npm package's when unset). */
  pdfFontPath?: string
}

/** Everything a use case may be given besides storage: clock, ids, WeChat, S3, sealing, secrets, configuration. */
export type Platform = Omit<Deps, 'repos'>

/**
 * What one family's use cases are given (DESIGN.md §2 rule 8): the repositories they use — their own, and the ports
 * of other families they need — and the parts of the platform they use; nothing else reaches them.
 */
export type DepsOf<R extends keyof Repos, P extends keyof Platform = never> = Pick<Platform, P> & { repos: Pick<Repos, R> }
