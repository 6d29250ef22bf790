/** What services need from the outside world, passed in (DESIGN.md §2 rule 8): real in Lambda, fakes in unit tests. */
import type { TemplateKey } from '@linli/shared'
import type { Repos } from '../db'
import type { WechatClient } from '../adapters/wechat'
import type { SessionTokens } from '../adapters/session-token'
import type { Storage } from '../adapters/storage'
import type { Catalogue } from '../model'

export interface Deps {
  repos: Pick<Repos, 'users' | 'invites' | 'cases'>
  catalogue: (districtId: string) => Promise<Catalogue>
  wechat: Pick<WechatClient, 'code2Session' | 'msgSecCheck' | 'sendSubscribe'>
  storage: Pick<Storage, 'presignUpload' | 'inspect' | 'viewUrl'>
  tokens: SessionTokens
  clock: () => Date
  newId: () => string
  idSalt: string
  /** Signs page cursors. */
  cursorSecret: string
  defaultDistrictId: string
  /** WeChat template ids of our subscribe messages. */
  templates: Record<TemplateKey, string>
}
