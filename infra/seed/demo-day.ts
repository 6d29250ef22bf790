/**
 * A day of work in the demo district, played through the API as its people would (`npm start` only, once, on a
 * district with no cases yet): 王小梅 and two neighbours report problems across 青石街道's grids, 陈志强 accepts and
 * dispatches them to 赵刚 (water) and 钱伟 (housing), who handle most; the reporters rate what was done; 李建国 checks in on his grid. The
 * command centre, the lists and the rates then show a district at work instead of zeros. Everything goes through the
 * real routes (the stream keeps the counters), so nothing here writes to the table itself.
 */
import { demoCatalogue } from '.'

type Ask = (method: string, path: string, token?: string, body?: unknown) => Promise<{ status: number; body: any }>

const center = (gridId: string) => {
  const ring = (demoCatalogue.nodes.find((n) => n.id === gridId)!.boundary!.coordinates as number[][][])[0]!
  const [lngs, lats] = [ring.map((p) => p[0]!), ring.map((p) => p[1]!)]
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: (Math.min(...lngs) + Math.max(...lngs)) / 2 }
}

/** What is reported, where, and how far it gets today. */
const day = [
  { grid: 'g-liuan-1', category: 'cat-water-off', text: '3 栋从早上开始停水，一直没有通知', to: 'closed' },
  { grid: 'g-liuan-2', category: 'cat-road', text: '小区门口路面塌陷，电动车经过很危险', to: 'closed' },
  { grid: 'g-liuan-3', category: 'cat-water-off', text: '楼下水管漏水，路面积水结冰', to: 'resolved' },
  { grid: 'g-guixiang-1', category: 'cat-road', text: '人行道地砖松动翘起，老人容易绊倒', to: 'in_progress' },
  { grid: 'g-guixiang-2', category: 'cat-water-off', text: '二单元水压很低，高层用不上水', to: 'dispatched' },
  { grid: 'g-guixiang-3', category: 'cat-road', text: '路口井边的沥青开裂下沉', to: 'closed' },
  { grid: 'g-liuan-1', category: 'cat-garbage', text: '垃圾站旁边堆了很多装修垃圾', to: 'accepted' },
  { grid: 'g-liuan-2', category: 'cat-streetlight', text: '中心花园的路灯晚上不亮', to: 'submitted' },
] as const

export async function demoDay(api: string, wechat: string, log: (line: string) => void) {
  const ask: Ask = async (method, path, token, body) => {
    const res = await fetch(api + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: res.status, body: await res.json().catch(() => undefined) }
  }
  const login = async (openid: string) => {
    const { code } = (await (
      await fetch(`${wechat}/dev/code`, { method: 'POST', body: JSON.stringify({ openid }), headers: { 'content-type': 'application/json' } })
    ).json()) as { code: string }
    return (await ask('POST', '/v1/auth/login', undefined, { code })).body as { token: string; user: { id: string } }
  }
  const [resident, dispatcher, water, housing, worker, watcher, neighbour1, neighbour2] = await Promise.all(
    [
      'o-demo-resident',
      'o-demo-dispatcher',
      'o-demo-official',
      'o-demo-official2',
      'o-demo-gridworker',
      'o-demo-district-dispatcher',
      'o-demo-neighbour-1',
      'o-demo-neighbour-2',
    ].map(login),
  )
  // 王小梅 and two neighbours share the day's reports, so she keeps most of her hour's (10) for whoever tries her out.
  const reporters = [resident!, neighbour1!, neighbour2!]
  // Once: a district that already has cases this month keeps them.
  const overview = await ask('GET', '/v1/command/overview', watcher!.token)
  if (overview.status !== 200 || overview.body.rates.month.received > 0) return
  const fire = async (token: string, id: string, body: Record<string, unknown>) => {
    const res = await ask('POST', `/v1/cases/${id}/events`, token, body)
    if (res.status !== 200) throw new Error(`demo day: ${body.type} answered ${res.status} ${JSON.stringify(res.body)}`)
  }
  const steps = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed']
  for (const [i, c] of day.entries()) {
    const reporter = reporters[i % reporters.length]!
    const reported = await ask('POST', '/v1/cases', reporter.token, { categoryId: c.category, description: c.text, location: center(c.grid) })
    if (reported.status !== 201) throw new Error(`demo day: a report answered ${reported.status} ${JSON.stringify(reported.body)}`)
    const id = reported.body.id as string
    const reach = steps.indexOf(c.to)
    const official = c.category === 'cat-water-off' ? water! : housing!
    const departmentId = c.category === 'cat-water-off' ? 'dept-water' : 'dept-housing'
    if (reach >= 1) await fire(dispatcher!.token, id, { type: 'accept' })
    if (reach >= 2) await fire(dispatcher!.token, id, { type: 'dispatch', departmentId, officialIds: [official.user.id] })
    if (reach >= 3) await fire(official.token, id, { type: 'start' })
    if (reach >= 4) await fire(official.token, id, { type: 'resolve', result: '已到现场处理完毕' })
    if (reach >= 5) await fire(reporter.token, id, { type: 'confirm', rating: 5 })
  }
  await ask('POST', '/v1/checkins', worker!.token, { kind: 'duty', location: { ...center('g-liuan-1'), accuracy: 20 } })
  log(`Played a day of work in 临江区: ${day.length} reports, handled as far as each got, and a check-in`)
}
