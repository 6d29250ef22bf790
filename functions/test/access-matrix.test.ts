/**
 * The access matrix, generated from the contract: every route × every role × own / foreign / other-district record,
 * against the expectations written beside the permission table (shared/domain/access.ts). The world below gives each
 * role records it stands to and records it does not; each probe asks a route in a way that changes nothing lasting.
 */
import { addDays, chinaDate, DEFAULT_MIN_CASES, defaultGradeRules, defaultWeights, fillPath, routes, type RouteName } from '@linli/shared'
import { matrixRoles, type MatrixRole, type Subject } from '@linli/shared/domain/access'
import { expectedAccess } from '@linli/shared'
import { api, login, mintCode, newDispatcher, newGridLeader, newGridworker, newLeader, newMediator, newOfficial, repos, uniqueOpenid } from './support/client'

jest.setTimeout(180_000)

const P = { lat: 30.5051, lng: 114.3052 } // g-liuan-1, street s-qingshi
const BAILU = { lat: 30.5051, lng: 114.3352 } // g-donghu-1, street s-bailu
const today = () => chinaDate(new Date())
/** Beyond every room's horizon: leave and closures there hide no slot the probes book. */
const farDay = () => addDays(today(), 20)
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00', sessionMinutes: 60, bufferMinutes: 0 }))
const suffix = Math.random().toString(36).slice(2, 8)
let doors = 0
/** A household at a door of its own (one door is registered once). */
const householdBody = (gridId: string) => ({
  gridId,
  building: '9',
  unit: '1',
  room: `${suffix}-${++doors}`,
  headName: '矩阵户',
  members: 2,
  phone: '13900009999',
  careTags: ['elderly_alone'],
})
const announcementBody = (gridId: string) => ({ gridId, title: '矩阵测试通知', body: '本周六上午小区停水检修，请提前储水。' })
const roomBody = (name: string, nodeId: string) => ({
  name,
  nodeId,
  address: '矩阵测试说事点',
  lat: 30.52,
  lng: 114.29,
  hours: '每天 8:00–18:00',
  specialties: ['neighbour'],
  minNoticeHours: 2,
  horizonDays: 14,
  cancelCutoffHours: 2,
})

interface Person {
  token: string
  user: { id: string }
  /** The fresh staff's (every role but the admin): they sign in again once their role is taken back. */
  openid?: string
}
/** `former`: the role was taken back (the "after revocation" column): the probes make nothing in its name. */
type Who = Person & { role: MatrixRole; former?: true }
/** Whether the probes may make a record as `who` (a patrol, a household) because their role may. */
const makes = (who: Who, ...roles: MatrixRole[]) => !who.former && roles.includes(who.role)
interface World {
  people: Record<Exclude<MatrixRole, 'anonymous'>, Person>
  cases: Record<Subject, string>
  bookings: Record<Subject, string>
  rooms: Record<Subject, string>
  roomBodies: Record<'own' | 'foreign', ReturnType<typeof roomBody>>
  mediators: Record<Subject, string>
  /** Another mediator's leave in the foreign room, and one in the other district's room. */
  exceptions: Record<'foreign' | 'other', string>
  /** Patrols started by a gridworker of another grid (foreign) and of another district (other). */
  patrols: Record<'foreign' | 'other', string>
  households: Record<Subject, string>
  announcements: Record<Subject, string>
  /** Pending requests to link a household: of the gridworker's grid (own), of another grid, of another district. */
  links: Record<Subject, string>
  /** Open311 partners: one revoked already (foreign: nothing left to revoke) and one of another district. */
  partners: Record<'foreign' | 'other', string>
  /** What each role made through the probes, for the probes that undo it. */
  made: Partial<Record<MatrixRole, { exceptionId?: string }>>
}

const ok = (r: { status: number; body: unknown }, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as any
}
const report = (token: string, at = P, categoryId = 'cat-water-off') =>
  api('POST', '/v1/cases', { token, body: { categoryId, description: '整栋楼停水了，已经两个小时', location: at } }).then((r) => ok(r, 'report').id as string)
/** The `skip`-th free slot (walks side by side each take their own: see the bookingsCreate probe). */
const firstFree = async (token: string, roomId: string, mediatorId: string, skip = 0) => {
  const slots = ok(await api('GET', `/v1/rooms/${roomId}/slots?from=${today()}&to=${addDays(today(), 13)}&mediatorId=${mediatorId}`, { token }), 'slots').items
  return slots.filter((s: { taken: boolean }) => !s.taken)[skip].start as string
}
let bookings = 0
const bookingBody = (roomId: string, mediatorId: string, start: string) => ({
  roomId,
  mediatorId,
  start,
  disputeType: 'neighbour',
  summary: '楼上邻居装修噪音，多次沟通无果',
})

/** A fresh user moved into 临溪区 (a new WeChat user lands in the deployment's default district). */
async function linxiUser(tag: string): Promise<Person> {
  const openid = uniqueOpenid(tag)
  const first = await login(openid)
  await repos().users.put({ id: first.user.id, districtId: 'linxi', name: first.user.name, openid })
  return login(openid)
}

/** 临溪区's own room, mediator, leave, case and booking: the records of another district. */
async function otherDistrict() {
  const [admin, resident, mediator] = await Promise.all([login('o-demo2-admin'), linxiUser('mx-lx-resident'), linxiUser('mx-lx-mediator')])
  const roomId = `room-lx-matrix-${suffix}`
  ok(await api('PUT', `/v1/rooms/${roomId}`, { token: admin.token, body: roomBody('临溪矩阵说事室', 's-qingshi') }), 'linxi room')
  const invite = ok(await api('POST', '/v1/invites', { token: admin.token, body: { role: 'mediator', scopeId: roomId } }), 'linxi invite')
  ok(await api('POST', '/v1/invites/redeem', { token: mediator.token, body: { code: invite.code } }), 'linxi redeem')
  ok(await api('PUT', `/v1/rooms/${roomId}/availability`, { token: mediator.token, body: { rules: everyDay } }), 'linxi hours')
  const leave = ok(await api('POST', `/v1/rooms/${roomId}/exceptions`, { token: mediator.token, body: { date: farDay(), kind: 'closed' } }), 'linxi leave')
  const start = await firstFree(resident.token, roomId, mediator.user.id)
  const booking = ok(await api('POST', '/v1/bookings', { token: resident.token, body: bookingBody(roomId, mediator.user.id, start) }), 'linxi booking')
  const worker = await linxiUser('mx-lx-gridworker')
  const gridInvite = ok(await api('POST', '/v1/invites', { token: admin.token, body: { role: 'gridworker', scopeId: 'g-liuan-1' } }), 'linxi gridworker invite')
  ok(await api('POST', '/v1/invites/redeem', { token: worker.token, body: { code: gridInvite.code } }), 'linxi gridworker redeem')
  const patrolId = `mx-lx-${suffix}`
  ok(await api('PUT', `/v1/patrols/${patrolId}`, { token: worker.token, body: {} }), 'linxi patrol')
  const household = ok(await api('POST', '/v1/households', { token: worker.token, body: householdBody('g-liuan-1') }), 'linxi household')
  const announcement = ok(await api('POST', '/v1/announcements', { token: worker.token, body: announcementBody('g-liuan-1') }), 'linxi announcement')
  ok(await api('POST', '/v1/household-links', { token: resident.token, body: { gridId: 'g-liuan-1', building: '99', room: '9901' } }), 'linxi link')
  return {
    announcementId: announcement.id as string,
    linkId: resident.user.id,
    householdId: household.id as string,
    roomId,
    mediatorId: mediator.user.id,
    exceptionId: leave.id as string,
    caseId: await report(resident.token),
    bookingId: booking.id as string,
    patrolId,
    partnerId: ok(await api('POST', '/v1/admin/partners', { token: admin.token, body: { name: '临溪热线' } }), 'linxi partner').id as string,
  }
}

async function buildWorld(): Promise<World> {
  const [resident, stranger, gridworker, grid_leader, dispatcher, admin, leader, official, other] = await Promise.all([
    login(uniqueOpenid('mx-resident')),
    login(uniqueOpenid('mx-stranger')),
    newGridworker('g-liuan-1'),
    newGridLeader('g-liuan-1'),
    newDispatcher('s-qingshi'),
    login('o-demo-admin'),
    newLeader('linjiang'),
    newOfficial('dept-water'),
    otherDistrict(),
  ])
  const roomBodies = { own: roomBody('矩阵甲说事室', 's-qingshi'), foreign: roomBody('矩阵乙说事室', 's-bailu') }
  const rooms = { own: `room-matrix-a-${suffix}`, foreign: `room-matrix-b-${suffix}`, other: other.roomId }
  for (const s of ['own', 'foreign'] as const) ok(await api('PUT', `/v1/rooms/${rooms[s]}`, { token: admin.token, body: roomBodies[s] }), 'room')
  const [mediator, second, walker] = await Promise.all([newMediator(rooms.own), newMediator(rooms.foreign), newGridworker('g-donghu-1')])
  const foreignPatrol = `mx-donghu-${suffix}`
  ok(await api('PUT', `/v1/patrols/${foreignPatrol}`, { token: walker.token, body: {} }), 'patrol')
  const foreignHousehold = ok(await api('POST', '/v1/households', { token: walker.token, body: householdBody('g-donghu-1') }), 'household').id as string
  const ownHousehold = ok(await api('POST', '/v1/households', { token: gridworker.token, body: householdBody('g-liuan-1') }), 'household').id as string
  const announcements = {
    own: ok(await api('POST', '/v1/announcements', { token: gridworker.token, body: announcementBody('g-liuan-1') }), 'announcement').id as string,
    foreign: ok(await api('POST', '/v1/announcements', { token: walker.token, body: announcementBody('g-donghu-1') }), 'announcement').id as string,
    other: other.announcementId,
  }
  // Doors not on any roster: approving them stops at 409.
  const asks = await Promise.all(
    ['g-liuan-1', 'g-donghu-1'].map(async (gridId) => {
      const asker = await login(uniqueOpenid('mx-asker'))
      ok(await api('POST', '/v1/household-links', { token: asker.token, body: { gridId, building: '99', room: '9901' } }), 'link request')
      return asker.user.id
    }),
  )
  for (const [m, room] of [
    [mediator, rooms.own],
    [second, rooms.foreign],
  ] as const) {
    ok(await api('PUT', `/v1/rooms/${room}/availability`, { token: m.token, body: { rules: everyDay } }), 'hours')
  }
  const leave = ok(await api('POST', `/v1/rooms/${rooms.foreign}/exceptions`, { token: second.token, body: { date: farDay(), kind: 'closed' } }), 'leave')

  // The resident's report, accepted and dispatched to the official: its grid's, level's and department's staff stand to it.
  const own = await report(resident.token)
  ok(await api('POST', `/v1/cases/${own}/events`, { token: dispatcher.token, body: { type: 'accept' } }), 'accept')
  ok(
    await api('POST', `/v1/cases/${own}/events`, {
      token: dispatcher.token,
      body: { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] },
    }),
    'dispatch',
  )
  // A stranger's report in another street, grid and department: nobody of the matrix stands to it.
  const foreign = await report(stranger.token, BAILU, 'cat-garbage')

  const [mine, theirs] = await Promise.all([
    api('POST', '/v1/bookings', {
      token: resident.token,
      body: bookingBody(rooms.own, mediator.user.id, await firstFree(resident.token, rooms.own, mediator.user.id)),
    }),
    api('POST', '/v1/bookings', {
      token: stranger.token,
      body: bookingBody(rooms.foreign, second.user.id, await firstFree(stranger.token, rooms.foreign, second.user.id)),
    }),
  ])
  return {
    people: { resident, gridworker, grid_leader, dispatcher, official, mediator, admin, leader },
    cases: { own, foreign, other: other.caseId },
    bookings: { own: ok(mine, 'booking').id, foreign: ok(theirs, 'booking').id, other: other.bookingId },
    rooms,
    roomBodies,
    mediators: { own: mediator.user.id, foreign: second.user.id, other: other.mediatorId },
    exceptions: { foreign: leave.id, other: other.exceptionId },
    patrols: { foreign: foreignPatrol, other: other.patrolId },
    households: { own: ownHousehold, foreign: foreignHousehold, other: other.householdId },
    announcements,
    links: { own: asks[0]!, foreign: asks[1]!, other: other.linkId },
    partners: { foreign: await revokedPartner(admin.token), other: other.partnerId },
    made: {},
  }
}

async function revokedPartner(token: string) {
  const id = ok(await api('POST', '/v1/admin/partners', { token, body: { name: '已停用的合作方' } }), 'partner').id as string
  ok(await api('POST', `/v1/admin/partners/${id}/revoke`, { token }), 'revoke partner')
  return id
}

interface Ask {
  /** A token of someone else than the role's person (signing out must not end the walk's own session). */
  token?: string
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
  /** A form body (Open311's POSTs), sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>
}
type Probe = (w: World, who: Who, s: Subject) => Ask | Promise<Ask>

const own = (s: Subject) => s === 'own'
const onCase = (w: World, _: Who, s: Subject): Ask => ({ params: { id: w.cases[s] } })
const onBooking = (w: World, _: Who, s: Subject): Ask => ({ params: { id: w.bookings[s] } })
const onRoom = (w: World, _: Who, s: Subject): Ask => ({ params: { id: w.rooms[s] } })
const week = () => ({ from: today(), to: addDays(today(), 6) })
let patrols = 0
const newPatrolId = () => `mx-${suffix}-${++patrols}`
/** The caller's own patrol (a fresh one, started now, when the role may start one), or another's. */
const onPatrol = async (w: World, who: Who, s: Subject): Promise<Ask> => {
  if (s !== 'own') return { params: { id: w.patrols[s] } }
  const id = newPatrolId()
  if (makes(who, 'gridworker', 'grid_leader')) ok(await api('PUT', `/v1/patrols/${id}`, { token: who.token, body: {} }), 'own patrol')
  return { params: { id } }
}

/** How each route is asked; typed by the contract's route names, so a new route needs its probe. */
const probes: Record<RouteName, Probe> = {
  authLogin: async () => ({ body: { code: await mintCode(uniqueOpenid('mx-login')) } }),
  authLogout: async () => ({ token: (await login(uniqueOpenid('mx-logout'))).token }),
  meGet: () => ({}),
  invitesCreate: () => ({ body: { role: 'official', scopeId: 'dept-water' } }),
  invitesRedeem: () => ({ body: { code: 'ZZZZ2222' } }),
  // Only the admin's own probe makes a fresh official to take back; the others are refused before any lookup.
  rolesRevoke: async (w, who, s) => {
    const holder = {
      own: who.role === 'admin' ? (await newOfficial('dept-water')).user.id : w.people.official.user.id,
      foreign: w.people.resident.user.id,
      other: w.mediators.other,
    }[s]
    return { params: { id: holder, role: s === 'other' ? 'mediator' : 'official', scopeId: s === 'other' ? w.rooms.other : 'dept-water' } }
  },
  gridsTree: () => ({}),
  gridsGet: () => ({ params: { id: 'g-liuan-1' } }),
  gridsLocate: () => ({ query: { lat: String(P.lat), lng: String(P.lng) } }),
  categoriesList: () => ({}),
  departmentsList: () => ({}),
  uploadsCreate: () => ({ body: { purpose: 'case_photo', contentType: 'image/jpeg', size: 2048 } }),
  subscriptionsRecord: () => ({ body: { templateKey: 'case_accepted', result: 'reject' } }),
  subscriptionsList: () => ({}),
  casesSubmit: () => ({ body: { categoryId: 'cat-streetlight', description: '小区门口路灯不亮了', location: P } }),
  casesList: () => ({ query: { view: 'mine' } }),
  casesNearby: () => ({ query: { lat: String(P.lat), lng: String(P.lng), categoryId: 'cat-water-off' } }),
  casesGet: onCase,
  casesPublic: onCase,
  casesFireEvent: (w, who, s) => ({ ...onCase(w, who, s), body: { type: 'escalate', reason: '需要上级协调处理', version: 999 } }),
  casesFollow: onCase,
  casesUnfollow: onCase,
  casesNotices: onCase,
  reportsRates: (_w, _who, s) => ({
    query: { level: 'street', nodeId: { own: 's-qingshi', foreign: 's-bailu', other: 's-nowhere' }[s], from: today(), to: today() },
  }),
  roomsList: () => ({}),
  roomsGet: onRoom,
  roomsSlots: (w, who, s) => ({ ...onRoom(w, who, s), query: week() }),
  roomsPut: (w, who, s) => ({ ...onRoom(w, who, s), body: w.roomBodies[s as 'own' | 'foreign'] }),
  exceptionsList: (w, who, s) => ({ ...onRoom(w, who, s), query: week() }),
  exceptionsCreate: (w, who, s) => ({ ...onRoom(w, who, s), body: { date: farDay(), kind: 'closed', wholeRoom: who.role === 'admin' } }),
  exceptionsDelete: (w, who, s) => ({
    params: {
      id: w.rooms[s],
      exceptionId: own(s) ? (w.made[who.role]?.exceptionId ?? `${farDay().replace(/-/g, '')}-00000000`) : w.exceptions[s as 'foreign' | 'other'],
    },
  }),
  availabilityPut: (w, who, s) => ({ ...onRoom(w, who, s), body: { rules: everyDay } }),
  mediatorsGet: (w, _, s) => ({ params: { id: w.mediators[s] } }),
  mediatorsPut: (w, who, s) => ({
    params: { id: own(s) ? who.user.id : w.mediators[s] },
    body: { specialties: ['neighbour'], intro: '矩阵测试调解员，擅长邻里纠纷。' },
  }),
  // The roles walk one after another: each books the first free slot of the foreign room's mediator.
  // Each probe books a slot of its own: the n-th free one when it looks, so walks side by side never race for one.
  bookingsCreate: async (w) => ({
    body: bookingBody(w.rooms.foreign, w.mediators.foreign, await firstFree(w.people.resident.token, w.rooms.foreign, w.mediators.foreign, bookings++)),
  }),
  bookingsJoin: () => ({ body: { code: 'ZZZZ2222' } }),
  bookingsList: () => ({ query: { view: 'mine' } }),
  bookingsGet: onBooking,
  bookingsFireEvent: (w, who, s) => ({ ...onBooking(w, who, s), body: { type: 'cancel', reason: '临时有事', version: 999 } }),
  bookingsCalendar: onBooking,
  bookingsAgreement: onBooking,
  checkinsCreate: () => ({ body: { kind: 'duty', location: { ...P, accuracy: 20 }, note: '矩阵测试值守打卡' } }),
  checkinsList: () => ({}),
  patrolsStart: () => ({ params: { id: newPatrolId() }, body: {} }),
  patrolsEnd: async (w, who, s) => ({ ...(await onPatrol(w, who, s)), body: {} }),
  patrolsGet: onPatrol,
  householdsList: () => ({ query: { gridId: 'g-liuan-1' } }),
  householdsGet: (w, _, s) => ({ params: { id: w.households[s] } }),
  householdsCreate: () => ({ body: householdBody('g-liuan-1') }),
  householdsUpdate: (w, _, s) => ({ params: { id: w.households[s] }, body: { ...householdBody('g-liuan-1'), gridId: undefined, version: 999 } }),
  // Own is a household the caller registers just now (when the role may), so the world's stay for the other probes.
  householdsDelete: async (w, who, s) => {
    if (s !== 'own' || !makes(who, 'gridworker', 'grid_leader')) return { params: { id: w.households[s] } }
    return { params: { id: ok(await api('POST', '/v1/households', { token: who.token, body: householdBody('g-liuan-1') }), 'own household').id } }
  },
  householdsImport: () => ({ body: { gridId: 'g-liuan-1', fileKey: 'uploads/abc123/notyours.xlsx' } }),
  householdsExport: () => ({ query: { gridId: 'g-liuan-1' } }),
  reportsVisits: () => ({ query: { gridId: 'g-liuan-1', month: today().slice(0, 7) } }),
  auditList: () => ({ query: { date: today() } }),
  announcementsCreate: () => ({ body: announcementBody('g-liuan-1') }),
  announcementsList: () => ({ query: { gridId: 'g-liuan-1' } }),
  announcementsGet: (w, _, s) => ({ params: { id: w.announcements[s] } }),
  announcementsRead: (w, _, s) => ({ params: { id: w.announcements[s] }, body: { channel: 'app' } }),
  announcementsAck: (w, _, s) => ({ params: { id: w.announcements[s] } }),
  announcementsStats: (w, _, s) => ({ params: { id: w.announcements[s] } }),
  linksCreate: () => ({ body: { gridId: 'g-liuan-1', building: '98', room: '9801' } }),
  linksList: () => ({}),
  linksDecide: (w, _, s) => ({ params: { id: w.links[s] }, body: { approve: true } }),
  // The admin's probes name a street or class the district lacks: refused with 422 before anything is written.
  adminCatalogueGet: () => ({}),
  adminDepartmentsPut: () => ({ params: { id: 'dept-mx' }, body: { name: '矩阵部门', nodeId: 's-nowhere' } }),
  adminCategoriesPut: () => ({
    params: { id: 'cat-mx' },
    body: { classId: 'class-nowhere', name: '矩阵分类', order: 1, departmentId: 'dept-water', priority: 'low', slaBand: 'general' },
  }),
  adminChangesList: () => ({ query: { date: today() } }),
  // An upload that is not the caller's: refused with 400 before anything is read.
  adminGridsPreview: () => ({ body: { fileKey: 'uploads/mx/nobody.geojson' } }),
  adminGridsImport: () => ({ body: { fileKey: 'uploads/mx/nobody.geojson' } }),
  adminGridsExport: () => ({}),
  adminStaffList: () => ({ query: { role: 'official', scopeId: 'dept-water' } }),
  commandOverview: () => ({}),
  commandMap: () => ({}),
  commandRankings: () => ({ query: { level: 'grid', month: today().slice(0, 7) } }),
  commandTrends: () => ({}),
  commandPoints: () => ({}),
  commandCategories: () => ({ query: { month: today().slice(0, 7) } }),
  commandSettingsGet: () => ({}),
  // The demo district's rules as they are by default: the admin's write changes nothing others read.
  commandSettingsPut: () => ({ body: { weights: defaultWeights, minCases: DEFAULT_MIN_CASES, gradeRules: defaultGradeRules } }),
  commandCasesExport: () => ({ query: { from: today(), to: today() } }),
  openapiGet: () => ({}),
  open311Discovery: () => ({ params: { format: 'json' } }),
  open311Services: () => ({ params: { format: 'xml' } }),
  open311ServiceDefinition: () => ({ params: { service_code: 'cat-road', format: 'json' } }),
  open311Requests: () => ({ params: { format: 'json' } }),
  // No case of this id: every caller, signed in or not, meets the same 404.
  open311Request: () => ({ params: { service_request_id: 'nothing', format: 'xml' } }),
  open311RequestSingular: () => ({ params: { service_request_id: 'nothing', format: 'json' } }),
  open311RequestCreate: () => ({
    params: { format: 'json' },
    form: { api_key: 'linjiang.nobody.secret', service_code: 'cat-road', lat: '30.5051', long: '114.3052', description: '路面塌陷一个大坑' },
  }),
  open311Token: () => ({ params: { token_id: 'nothing', format: 'json' } }),
  open311UpdateCreate: () => ({
    params: { format: 'xml' },
    form: { api_key: 'linjiang.nobody.secret', service_request_id: 'nothing', status: 'closed', description: '已在热线办结' },
  }),
  open311Updates: () => ({ params: { format: 'xml' } }),
  partnersList: () => ({}),
  partnersCreate: () => ({ body: { name: '矩阵合作方' } }),
  // Only the admin's own probe issues a fresh key to revoke; the others are refused before any lookup.
  partnersRevoke: async (w, who, s) => {
    if (s !== 'own' || who.role !== 'admin') return { params: { id: s === 'own' ? 'nothing' : w.partners[s] } }
    return { params: { id: ok(await api('POST', '/v1/admin/partners', { token: who.token, body: { name: '待停用合作方' } }), 'partner').id } }
  },
}

/** Sends every route as `who`, in the contract's order (a follow comes before its unfollow), and returns what came back. */
async function walk(w: World, who: Who): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {}
  for (const [name, route] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
    const expected = expectedAccess[name][who.role]
    const subjects = typeof expected === 'number' ? [undefined] : (Object.keys(expected) as Subject[])
    const got: Record<string, number> = {}
    for (const s of subjects) {
      const ask = await probes[name](w, who, s ?? 'own')
      const path = fillPath(route.path, ask.params ?? {}) + (ask.query ? `?${new URLSearchParams(ask.query)}` : '')
      const token = who.role === 'anonymous' ? undefined : (ask.token ?? who.token)
      const form = ask.form && { raw: new URLSearchParams(ask.form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
      const res = await api(route.method, path, { token, body: ask.body, ...form })
      if (name === 'exceptionsCreate' && s === 'own' && res.status === 201) w.made[who.role] = { exceptionId: res.body.id }
      got[s ?? 'status'] = res.status
    }
    seen[name] = subjects[0] === undefined ? got.status : got
  }
  return seen
}

let world: World
beforeAll(async () => {
  world = await buildWorld()
})

describe('the access matrix', () => {
  it('covers every route of the contract, and no route that is gone', () => {
    expect(Object.keys(expectedAccess).sort()).toEqual(Object.keys(routes).sort())
  })

  it.each(matrixRoles)('answers a %s on every route and record as the matrix says', async (role) => {
    const who: Who = role === 'anonymous' ? { role, token: '', user: { id: 'nobody' } } : { role, ...world.people[role] }
    const expected = Object.fromEntries(Object.keys(routes).map((name) => [name, expectedAccess[name as RouteName][role]]))
    expect(await walk(world, who)).toEqual(expected)
  })
})

/**
 * The "after revocation" column: once an admin takes a role back, its former holder signs in again as a resident and
 * meets every route and every record they stood to as a resident who stands to none of them — the resident's
 * "foreign" answer for their former records, the resident's own answer where a route has no record. The matrix's
 * fresh staff (every role but the admin, who takes the roles back) are revoked, after every other column has run.
 */
describe('the access matrix, after revocation', () => {
  const formerly = {
    official: () => 'dept-water',
    mediator: () => world.rooms.own,
    gridworker: () => 'g-liuan-1',
    grid_leader: () => 'g-liuan-1',
    dispatcher: () => 's-qingshi',
    leader: () => 'linjiang',
  } as const
  const stranger = (name: RouteName, s: Subject) => {
    const resident = expectedAccess[name].resident
    // A record everyone reads the same (a grid) has only the one answer.
    return typeof resident === 'number' ? resident : (resident[s === 'other' ? 'other' : 'foreign'] ?? resident[s])
  }
  /** What a former holder of `role` meets: the resident stranger's answer wherever the role had its own. */
  const expectedOf = (role: MatrixRole) =>
    Object.fromEntries(
      (Object.keys(routes) as RouteName[]).map((name) => {
        const before = expectedAccess[name][role]
        return [
          name,
          typeof before === 'number' ? stranger(name, 'own') : Object.fromEntries(Object.keys(before).map((s) => [s, stranger(name, s as Subject)])),
        ]
      }),
    )
  // Each former holder walks on their own (different people, nothing made in their name): side by side, not in turn.
  it('answers each former holder as a resident stranger to their former records', async () => {
    const roles = Object.keys(formerly) as (keyof typeof formerly)[]
    const walked = await Promise.all(
      roles.map(async (role) => {
        const person = world.people[role]
        const revoked = await api('DELETE', `/v1/users/${person.user.id}/roles/${role}/${formerly[role]()}`, { token: world.people.admin.token })
        expect(revoked.body).toEqual({ revoked: true })
        const again = await login(person.openid!)
        return [role, await walk(world, { role, token: again.token, user: again.user, former: true })] as const
      }),
    )
    expect(Object.fromEntries(walked)).toEqual(Object.fromEntries(roles.map((role) => [role, expectedOf(role)])))
  })
})
