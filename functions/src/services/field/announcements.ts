/**
 * Notices to households (通知公告, DESIGN.md §3 "Field work"): the grid's staff publish a checked text; its outbox event
 * tells the grid's linked residents (a subscribe message where they consented), page by page from the stream. Anyone
 * of the district reads a grid's notices; each reader's first read, acknowledgement and the groups they opened it
 * from are recorded and set against the roster for the grid's staff.
 */
import {
  chinaTime,
  DomainError,
  type AnnouncementView,
  type RouteBody,
  type RouteQuery,
  type announcementStats,
  type createAnnouncement,
  type listAnnouncements,
  type readAnnouncement,
} from '@linli/shared'
import type { FanOut } from '../../notify/outbox'
import { outboxEvent } from '../../notify/outbox'
import type { Caller } from '../identity/ports'
import { claimKey, firstAnswer, stillConflicting } from '../idempotency/claim'
import type { AnnouncementRecord, FieldDeps, ReadRecord } from './ports'
import { decodeCursor, encodeCursor } from '../cursor'
import { checkTexts } from '../moderation/content'
import { keepPhotos } from '../uploads/uploads'
import { askMediaChecks } from '../moderation/media'
import { onGrid } from './grid-staff'
import { gridNode, views } from './households'

interface AnnouncementPayload {
  gridId: string
  /** The announcement template's fields. */
  fields: { title: string; grid: string; time: string }
}

async function view(deps: FieldDeps, a: AnnouncementRecord, read?: Pick<ReadRecord, 'readAt' | 'ackAt'>): Promise<AnnouncementView> {
  const images = await Promise.all(a.imageKeys.map(async (key) => ({ key, url: await deps.storage.viewUrl(key) })))
  return {
    id: a.announcementId,
    gridId: a.gridId,
    gridName: a.gridName,
    title: a.title,
    body: a.body,
    images,
    ackRequired: a.ackRequired,
    authorName: a.authorName,
    publishedAt: a.publishedAt,
    readAt: read?.readAt,
    ackAt: read?.ackAt,
  }
}

const notFound = () => new DomainError('announcement.notFound', [{ path: 'id', message: '通知不存在' }])

async function known(deps: FieldDeps, caller: Caller, id: string): Promise<AnnouncementRecord> {
  const a = await deps.repos.announcements.get(caller.user.districtId, id)
  if (!a) throw notFound()
  return a
}

export async function publishAnnouncement(
  deps: FieldDeps,
  caller: Caller,
  input: RouteBody<typeof createAnnouncement>,
  idempotencyKey?: string,
): Promise<AnnouncementView> {
  const districtId = caller.user.districtId
  const claim = claimKey(deps.clock(), caller, 'announcements.publish', idempotencyKey, input)
  const catalogue = await deps.catalogue(districtId)
  const grid = gridNode(catalogue, input.gridId)
  if (!onGrid(catalogue, caller, 'announcements.publish', grid.id))
    throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以发布通知' }])
  await checkTexts(deps, caller, [
    { path: 'title', text: input.title, label: '标题' },
    { path: 'body', text: input.body, label: '正文' },
  ])
  const imageKeys = await keepPhotos(deps, caller, input.imageKeys, 'imageKeys')
  const publishedAt = deps.clock().toISOString()
  const a: AnnouncementRecord = {
    districtId,
    announcementId: `an${deps.newId().slice(0, 16)}`,
    gridId: grid.id,
    gridName: grid.name,
    title: input.title,
    body: input.body,
    imageKeys,
    ackRequired: input.ackRequired,
    authorId: caller.user.id,
    authorName: caller.user.name,
    publishedAt,
  }
  const payload: AnnouncementPayload = { gridId: grid.id, fields: { title: a.title, grid: `${grid.name} ${a.authorName}`, time: chinaTime(publishedAt) } }
  const written = await deps.repos.announcements.publish(
    a,
    outboxEvent(deps, districtId, { kind: 'announcement', id: a.announcementId }, 'publish', payload as unknown as Record<string, unknown>),
    claim,
  )
  // A repeat (the phone sent again after a lost answer) publishes nothing twice: it answers the first notice.
  if (written.kind === 'replay') return view(deps, await known(deps, caller, firstAnswer<{ announcementId: string }>(claim!, written).announcementId))
  if (written.kind !== 'written') throw stillConflicting()
  await askMediaChecks(deps, caller, districtId, { kind: 'announcement', id: a.announcementId }, imageKeys)
  return view(deps, a)
}

/** A notice tells the grid's linked residents, one page of them a step. */
export const announcementFanOut: FanOut = async (deps, event, limit) => {
  const p = event.payload as unknown as AnnouncementPayload
  const page = await deps.repos.householdLinks.list(
    event.districtId,
    p.gridId,
    'linked',
    limit,
    event.cursor ? (JSON.parse(event.cursor) as Record<string, unknown>) : undefined,
  )
  return {
    notices: page.items.map((l) => ({ recipient: { id: l.userId, name: l.userName }, templateKey: 'announcement' as const, fields: p.fields })),
    cursor: page.lastKey ? JSON.stringify(page.lastKey) : undefined,
  }
}

export async function announcementPage(deps: FieldDeps, caller: Caller, q: RouteQuery<typeof listAnnouncements>) {
  const districtId = caller.user.districtId
  gridNode(await deps.catalogue(districtId), q.gridId)
  const list = `announcements:${q.gridId}`
  const page = await deps.repos.announcements.list(districtId, q.gridId, q.limit, decodeCursor(deps.cursorSecret, list, q.cursor))
  const reads = await readsOf(
    deps,
    caller,
    page.items.map((a) => a.announcementId),
  )
  return {
    items: await Promise.all(page.items.map((a) => view(deps, a, reads.get(a.announcementId)))),
    nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey),
  }
}

export async function announcementDetail(deps: FieldDeps, caller: Caller, id: string): Promise<AnnouncementView> {
  const a = await known(deps, caller, id)
  const reads = await readsOf(deps, caller, [id])
  return view(deps, a, reads.get(id))
}

/** The caller's own reads of these notices; a guest has none. */
const readsOf = async (deps: FieldDeps, caller: Caller, ids: string[]) =>
  caller.guest ? new Map<string, ReadRecord>() : deps.repos.announcements.readsOf(caller.user.districtId, caller.user.id, ids)

/** The caller's read as first recorded: with the household they are linked to in the notice's grid. */
async function recordRead(deps: FieldDeps, caller: Caller, a: AnnouncementRecord): Promise<ReadRecord> {
  const link = await deps.repos.householdLinks.get(a.districtId, caller.user.id)
  const householdId = link?.status === 'linked' && link.gridId === a.gridId ? link.householdId : undefined
  return deps.repos.announcements.read(a.districtId, a.announcementId, {
    userId: caller.user.id,
    userName: caller.user.name,
    readAt: deps.clock().toISOString(),
    householdId,
  })
}

/**
 * A read in the app, or from a card in a group: then the group data is opened with the session_key of the login code
 * taken with it, the group read recorded, and the grid's own staff may bind an unbound group to the grid.
 */
export async function readAnnouncementOnce(deps: FieldDeps, caller: Caller, id: string, body: RouteBody<typeof readAnnouncement>) {
  const a = await known(deps, caller, id)
  const catalogue = await deps.catalogue(a.districtId)
  let group: { opengid: string; binding: 'this_grid' | 'other_grid' | 'none'; mayBind: boolean } | undefined
  if (body.channel === 'group') {
    const info = await deps.wechat.groupEnterInfo(body.code, body.encryptedData, body.iv)
    if (info.openid !== caller.user.openid) throw new DomainError('auth.badEncryptedData', [{ path: 'code', message: '登录凭证不是当前用户的，请重新打开' }])
    const staff = onGrid(catalogue, caller, 'announcements.publish', a.gridId)
    let bound = await deps.repos.announcements.groupGrid(a.districtId, info.opengid)
    if (!bound && staff && body.bind) {
      const won = await deps.repos.announcements.bindGroup(a.districtId, info.opengid, a.gridId, caller.user.id, deps.clock().toISOString())
      bound = won ? a.gridId : await deps.repos.announcements.groupGrid(a.districtId, info.opengid)
    }
    group = { opengid: info.opengid, binding: !bound ? 'none' : bound === a.gridId ? 'this_grid' : 'other_grid', mayBind: !bound && staff }
  }
  // The counts are the households' side: the grid's own staff opening their notice are not readers of it.
  if (onGrid(catalogue, caller, 'announcements.publish', a.gridId)) return { readAt: deps.clock().toISOString(), group }
  const r = await recordRead(deps, caller, a)
  if (group) await deps.repos.announcements.groupRead(a.districtId, id, group.opengid, caller.user.id, deps.clock().toISOString())
  return { readAt: r.readAt, ackAt: r.ackAt, group }
}

export async function acknowledge(deps: FieldDeps, caller: Caller, id: string) {
  const a = await known(deps, caller, id)
  const r = await recordRead(deps, caller, a)
  if (r.ackAt) return { readAt: r.readAt, ackAt: r.ackAt }
  const ackAt = deps.clock().toISOString()
  await deps.repos.announcements.ack(a.districtId, id, r, ackAt)
  return { readAt: r.readAt, ackAt }
}

/** For the grid's staff: the counts, the groups, and one page of the roster with how each household stands. */
export async function readingStats(deps: FieldDeps, caller: Caller, id: string, q: RouteQuery<typeof announcementStats>) {
  const a = await known(deps, caller, id)
  const catalogue = await deps.catalogue(a.districtId)
  if (!onGrid(catalogue, caller, 'announcements.stats', a.gridId)) throw notFound()
  const list = `announcement-stats:${id}`
  const [counts, page] = await Promise.all([
    deps.repos.announcements.counts(a.districtId, id),
    deps.repos.households.list(a.districtId, a.gridId, { limit: q.limit, startKey: decodeCursor(deps.cursorSecret, list, q.cursor) }),
  ])
  const [states, households, groups] = await Promise.all([
    deps.repos.announcements.householdStates(
      a.districtId,
      id,
      page.items.map((h) => h.householdId),
    ),
    views(deps, caller, catalogue, page.items, 'GET /v1/announcements/{id}/stats'),
    Promise.all(
      counts.groups.slice(0, 20).map(async (g) => ({ ...g, bound: (await deps.repos.announcements.groupGrid(a.districtId, g.opengid)) === a.gridId })),
    ),
  ])
  return {
    reads: counts.reads,
    acks: counts.acks,
    groups,
    households: households.map((h) => {
      const s = states.get(h.id)!
      return {
        id: h.id,
        address: h.address,
        headName: h.headName,
        linked: s.linked,
        state: s.linked === 0 ? ('unlinked' as const) : s.ackAt ? ('acknowledged' as const) : s.readAt ? ('read' as const) : ('unread' as const),
      }
    }),
    nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey),
  }
}
