/** What services need from the outside world, passed in (DESIGN.md §2 rule 8): real in Lambda, fakes in unit tests. */
import type { Repos } from '../db'
import type { WechatClient } from '../adapters/wechat'
import type { SessionTokens } from '../adapters/session-token'
import type { Catalogue } from '../model'

export interface Deps {
  repos: Pick<Repos, 'users' | 'invites'>
  catalogue: (districtId: string) => Promise<Catalogue>
  wechat: Pick<WechatClient, 'code2Session'>
  tokens: SessionTokens
  clock: () => Date
  idSalt: string
  defaultDistrictId: string
}
