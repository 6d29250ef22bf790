/**
 * The moderation family: WeChat's checks of what others will read and see (msg_sec_check on texts, mediaCheckAsync
 * on photos). Cases, mediation and field work call it; the families whose records keep photos name how one is hidden.
 */
import type { WechatClient } from '../../adapters/wechat'
import type { Storage } from '../../adapters/storage'

/** The record whose photo a media check is about: its family's subject kind (`case`, `announcement` …) and id. */
export interface MediaSubject {
  kind: string
  id: string
}

export interface MediaCheckAbout {
  districtId: string
  subject: MediaSubject
  photoKey: string
}

export interface ModerationRepo {
  /** Remembers which photo of which record a media check is about, until WeChat pushes its verdict. */
  awaitMediaCheck(traceId: string, about: MediaCheckAbout, ttl: number): Promise<void>
  /** The photo a media check was about, if it is still awaited. */
  mediaCheck(traceId: string): Promise<MediaCheckAbout | undefined>
}

/** How each family that keeps photos others see hides one WeChat judged risky, by subject kind. */
export type PhotoHiders = Record<string, (districtId: string, id: string, photoKey: string) => Promise<void>>

/** What the moderation family's use cases need. */
export interface ModerationDeps {
  repos: { moderation: ModerationRepo }
  wechat: Pick<WechatClient, 'msgSecCheck' | 'mediaCheckAsync'>
  storage: Pick<Storage, 'viewUrl'>
  clock: () => Date
}
