import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  chinaDate,
  commandCasesExport,
  commandCategories,
  commandMap,
  permits,
  commandOverview,
  commandPoints,
  commandRankings,
  commandTrends,
  gradeLabels,
  grades,
  rankedLevelLabels,
  rankedLevels,
  type RouteResponse,
} from '@linli/shared'
import { ApiError, call, fileRequest } from '../../../api/request'
import { download } from '../../../api/files'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { formatTime } from '../../../utils/format'
import { EChart } from '../components/echart'
import { GRADE_COLOURS, SCREEN_COLOURS as C } from '../components/screen-palette'
import './screen.scss'

type Overview = RouteResponse<typeof commandOverview>
type GridMap = RouteResponse<typeof commandMap>
type Rankings = RouteResponse<typeof commandRankings>
type Trends = RouteResponse<typeof commandTrends>
type Kinds = RouteResponse<typeof commandCategories>
type Points = RouteResponse<typeof commandPoints>
type Level = (typeof rankedLevels)[number]

/** The figures are read again this often (a cheap read of counters: see DESIGN.md §3 "Command centre"). */
const REFRESH_MS = 30_000

const percent = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`)
const signed = (n: number | undefined) => (n === undefined ? '—' : n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : '持平')

/**
 * 指挥中心: the district (or the street) a dispatcher or admin watches — today's figures, 在办 正常/超期, the 三率, its
 * grids on one map coloured by their five-colour grade (each with its reasons), the units below, and the month's
 * ranking. Read again every 30 s with no touch needed, so it can stay up on a wall (1920 × 1080, dark) or a phone.
 */
export default function CommandScreen() {
  const session = useSession()
  const [overview, setOverview] = useState<Overview>()
  const [map, setMap] = useState<GridMap>()
  const [rankings, setRankings] = useState<Rankings>()
  const [trends, setTrends] = useState<Trends>()
  const [kinds, setKinds] = useState<Kinds>()
  const [points, setPoints] = useState<Points>()
  const [level, setLevel] = useState<Level>('grid')
  const [picked, setPicked] = useState<string>()
  // A street of the district opened from its row (undefined: the caller's own level).
  const [nodeId, setNodeId] = useState<string>()
  const [error, setError] = useState('')
  const month = chinaDate(new Date()).slice(0, 7)
  const mayDrill = !!session && permits(session.user.roles, session.user.districtId, 'command.points')

  const load = async () => {
    try {
      // The cases' points only for those who may drill into them (an admin sees the grades, not where the cases are).
      const [o, m, r, t, k, p] = await Promise.all([
        call(commandOverview, { query: { nodeId } }),
        call(commandMap, { query: { nodeId } }),
        call(commandRankings, { query: { nodeId, level, month } }),
        call(commandTrends, { query: { nodeId } }),
        call(commandCategories, { query: { nodeId, month } }),
        mayDrill ? call(commandPoints, { query: { nodeId } }) : undefined,
      ])
      setOverview(o)
      setMap(m)
      setRankings(r)
      setTrends(t)
      setKinds(k)
      setPoints(p)
      setError('')
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '读取失败，请稍后重试')
    }
  }
  useEffect(() => {
    if (!session) return
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [Boolean(session), level, nodeId])

  // A street's own view ranks its grids (streets and departments are ranked at the district).
  const openStreet = (id: string) => {
    setLevel('grid')
    setNodeId(id)
  }
  // The export carries the cases themselves: offered to those who may drill into them (not to admins).
  const mayExport = !!session && permits(session.user.roles, session.user.districtId, 'command.export')
  const maySet = !!session && permits(session.user.roles, session.user.districtId, 'command.settings')
  const exportMonth = () => {
    const { url, header } = fileRequest(commandCasesExport, {})
    const query = `from=${month}-01&to=${chinaDate(new Date())}${nodeId ? `&nodeId=${nodeId}` : ''}`
    download(`${url}?${query}`, header, `${overview?.node.name ?? ''}${month}事件.xlsx`, 'xlsx').catch(
      (e: Error) => void Taro.showModal({ title: '导出失败', content: e.message, showCancel: false, confirmText: '知道了' }),
    )
  }
  const openGrid = (g: { id: string; name: string }) =>
    void Taro.navigateTo({ url: `/packages/case/list/index?view=grid&scopeId=${g.id}&name=${encodeURIComponent(g.name)}` })
  // 红黑榜: with six or more units ranked, the best three and the last three of the month.
  const ranked = rankings?.level === level ? rankings.units.filter((u) => u.rank !== undefined) : []
  const board = (id: string) =>
    ranked.length < 6 ? undefined : ranked.slice(0, 3).some((u) => u.id === id) ? 'red' : ranked.slice(-3).some((u) => u.id === id) ? 'black' : undefined
  const levels = rankedLevels.filter((l) => overview?.node.level === 'district' || l === 'grid')
  const warned = (map?.grids ?? []).filter((g) => g.grade !== 'green').sort((a, b) => grades.indexOf(a.grade) - grades.indexOf(b.grade))
  const grid = map?.grids.find((g) => g.id === picked)

  return (
    <PageShell className='command-screen' signedOut={!session} loading={!overview && !error} error={overview ? undefined : error} onRetry={() => void load()}>
      {() => (
        <>
          <View className='command-screen__head'>
            <Text className='command-screen__title'>{overview!.node.name} 指挥中心</Text>
            {mayExport ? (
              <Text className='command-screen__export' onClick={exportMonth}>
                导出本月事件（Excel）
              </Text>
            ) : null}
            {maySet ? (
              <Text className='command-screen__settings' onClick={() => void Taro.navigateTo({ url: '/packages/command/settings/index' })}>
                评分与预警规则
              </Text>
            ) : null}
            {nodeId ? (
              <Text className='command-screen__back' onClick={() => setNodeId(undefined)}>
                ‹ 返回全区
              </Text>
            ) : null}
            <Text className='command-screen__time'>
              数据更新于 {formatTime(overview!.asOf)}（北京时间），每 30 秒自动刷新{error ? `；最近一次刷新失败：${error}` : ''}
            </Text>
          </View>
          <View className='command-screen__body'>
            <View className='command-screen__column'>
              <Panel title='今日'>
                <View className='command-tiles'>
                  <Tile label='受理' value={overview!.today.received} />
                  <Tile label='响应' value={overview!.today.accepted} />
                  <Tile label='派单' value={overview!.today.dispatched} />
                  <Tile label='办结' value={overview!.today.resolved} />
                </View>
              </Panel>
              <Panel title='在办'>
                <View className='command-tiles'>
                  <Tile label='在办' value={overview!.inHand.open} />
                  <Tile label='正常' value={overview!.inHand.open - overview!.inHand.openOverdue} />
                  <Tile label='超期' value={overview!.inHand.openOverdue} alarm={overview!.inHand.openOverdue > 0} />
                </View>
              </Panel>
              <Panel title='今日网格巡查'>
                <View className='command-tiles'>
                  <Tile label='打卡' value={overview!.field.checkins} />
                  <Tile label='入户走访' value={overview!.field.visits} />
                  <Tile label='已巡网格' value={`${overview!.field.gridsPatrolled}/${overview!.field.grids}`} />
                </View>
              </Panel>
              <Panel title='本周说事（全区说事室）'>
                <View className='command-tiles'>
                  <Tile label='预约' value={overview!.mediation.booked} />
                  <Tile label='调解' value={overview!.mediation.held} />
                  <Tile label='调解成功率' value={percent(overview!.mediation.agreementRate)} />
                </View>
              </Panel>
            </View>

            <View className='command-screen__column command-screen__column--map'>
              <Panel title='一张图 · 五色预警'>
                <GradeMap
                  map={map!}
                  points={points?.points ?? []}
                  onPick={(name) => {
                    // A case's point opens the case; a grid opens its card.
                    const c = points?.points.find((x) => x.number === name)
                    if (c) void Taro.navigateTo({ url: `/packages/case/detail/index?id=${c.id}` })
                    else setPicked(name)
                  }}
                />
                {points?.points.length ? (
                  <Text className='command-note'>图上白点为在办事件，红点为已超办结时限{points.capped ? '（每种状态只画最近变动的 150 件）' : ''}</Text>
                ) : null}
                <View className='command-legend'>
                  {grades.map((g) => (
                    <View key={g} className='command-legend__item'>
                      <View className='command-legend__swatch' style={{ background: GRADE_COLOURS[g] }} />
                      <Text>
                        {gradeLabels[g]} {map!.grids.filter((x) => x.grade === g).length}
                      </Text>
                    </View>
                  ))}
                </View>
                {grid ? (
                  <View className='command-card'>
                    <Text className='command-card__title'>
                      {grid.name} · {gradeLabels[grid.grade]}
                    </Text>
                    <Text>
                      在办 {grid.open} 件，超期 {grid.openOverdue} 件，本月受理 {grid.receivedMonth} 件
                    </Text>
                    <Text>
                      网格员 {grid.staff.gridworker ?? '未配备'}，网格长 {grid.staff.gridLeader ?? '未配备'}
                      {grid.households !== undefined ? `，住户 ${grid.households} 户` : ''}
                    </Text>
                    <Text>{grid.reasons.length ? `原因：${grid.reasons.join('；')}` : '无预警'}</Text>
                    <Text className='command-card__open' onClick={() => openGrid(grid)}>
                      查看该网格事件 ›
                    </Text>
                  </View>
                ) : null}
              </Panel>
              <Panel title={`预警网格（${warned.length}）`}>
                {warned.length ? (
                  warned.map((g) => (
                    <View key={g.id} className='command-unit' onClick={() => setPicked(g.id)}>
                      <View className='command-legend__swatch' style={{ background: GRADE_COLOURS[g.grade] }} />
                      <Text className='command-unit__name'>{g.name}</Text>
                      <Text>{gradeLabels[g.grade]}</Text>
                      <Text>{g.reasons.join('；')}</Text>
                    </View>
                  ))
                ) : (
                  <Text className='command-empty'>所有网格均为绿色</Text>
                )}
              </Panel>
              <Panel title='本月分类与热点'>
                {kinds?.categories.length ? (
                  kinds.categories.slice(0, 5).map((c) => (
                    <View key={c.id} className='command-unit'>
                      <Text className='command-unit__name'>{c.name}</Text>
                      <Text>{c.received} 件</Text>
                    </View>
                  ))
                ) : (
                  <Text className='command-empty'>本月暂无事件</Text>
                )}
                {kinds?.hotSpots.slice(0, 5).map((h) => (
                  <View
                    key={`${h.gridId}-${h.categoryId}`}
                    className='command-unit command-unit--hot'
                    onClick={() => openGrid({ id: h.gridId, name: h.gridName })}
                  >
                    <Text className='command-alarm'>热点</Text>
                    <Text className='command-unit__name'>
                      {h.gridName} · {h.categoryName}
                    </Text>
                    <Text>{h.received} 件</Text>
                  </View>
                ))}
              </Panel>
              <Panel title={overview!.node.level === 'district' ? '各街道在办' : '各网格在办'}>
                {overview!.units.map((u) => (
                  <View
                    key={u.id}
                    className='command-unit command-unit--open'
                    onClick={() => (overview!.node.level === 'district' ? openStreet(u.id) : openGrid(u))}
                  >
                    <Text className='command-unit__name'>{u.name}</Text>
                    <Text>在办 {u.open}</Text>
                    <Text className={u.openOverdue ? 'command-alarm' : ''}>超期 {u.openOverdue}</Text>
                    <Text>本月受理 {u.receivedMonth}</Text>
                  </View>
                ))}
              </Panel>
            </View>

            <View className='command-screen__column'>
              <Panel title='三率'>
                <View className='command-table'>
                  <View className='command-table__row command-table__row--head'>
                    {['', '受理', '响应率', '办结及时率', '满意率'].map((h) => (
                      <Text key={h} className='command-table__cell'>
                        {h}
                      </Text>
                    ))}
                  </View>
                  {(['today', 'month', 'year'] as const).map((p) => {
                    const r = overview!.rates[p]
                    return (
                      <View key={p} className='command-table__row'>
                        {[
                          { today: '今日', month: '本月', year: '本年' }[p],
                          String(r.received),
                          percent(r.acceptRate),
                          percent(r.resolveRate),
                          percent(r.satisfactionRate),
                        ].map((c, i) => (
                          <Text key={i} className='command-table__cell'>
                            {c}
                          </Text>
                        ))}
                      </View>
                    )
                  })}
                </View>
              </Panel>
              <Panel title={`${month.replace('-', ' 年 ')} 月排名`}>
                <View className='command-levels'>
                  {levels.map((l) => (
                    <Text key={l} className={`command-levels__item${l === level ? ' command-levels__item--on' : ''}`} onClick={() => setLevel(l)}>
                      {rankedLevelLabels[l]}
                    </Text>
                  ))}
                </View>
                <Text className='command-note'>
                  综合得分 = 响应率×{rankings?.weights.accept ?? 30}% + 办结及时率×{rankings?.weights.resolve ?? 35}% + 满意率×
                  {rankings?.weights.satisfaction ?? 35}%；本月受理不足 {rankings?.minCases ?? 5} 件的不排名
                </Text>
                <View className='command-ranks'>
                  {(rankings?.level === level ? rankings.units : []).map((u) => (
                    <View key={u.id} className='command-rank'>
                      <Text className='command-rank__no'>{u.rank ?? '—'}</Text>
                      <Text className='command-rank__name'>{u.name}</Text>
                      {board(u.id) ? (
                        <Text className={`command-rank__board command-rank__board--${board(u.id)}`}>{board(u.id) === 'red' ? '红榜' : '黑榜'}</Text>
                      ) : null}
                      <Text className='command-rank__score'>{u.score === undefined ? '样本不足' : `${u.score} 分`}</Text>
                      <Text className='command-rank__change'>环比 {signed(u.monthOnMonth)}</Text>
                      <Text className='command-rank__change'>受理 {u.received}</Text>
                    </View>
                  ))}
                </View>
              </Panel>
              {trends ? <TrendPanel trends={trends} /> : null}
            </View>
          </View>
        </>
      )}
    </PageShell>
  )
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View className='command-panel'>
      <Text className='command-panel__title'>{title}</Text>
      {children}
    </View>
  )
}

function Tile({ label, value, alarm }: { label: string; value: number | string; alarm?: boolean }) {
  return (
    <View className={`command-tile${alarm ? ' command-tile--alarm' : ''}`}>
      <Text className='command-tile__value'>{value}</Text>
      <Text className='command-tile__label'>{label}</Text>
    </View>
  )
}

/** The grids coloured by grade, drawn from their GeoJSON (no tiles); a tap opens the grid's card. */
function GradeMap({ map, points, onPick }: { map: GridMap; points: Points['points']; onPick: (name: string) => void }) {
  const name = `linli-${map.node.id}`
  const maps = useMemo(
    () => ({
      [name]: {
        type: 'FeatureCollection',
        features: map.grids.filter((g) => g.boundary).map((g) => ({ type: 'Feature', properties: { id: g.id, name: g.name }, geometry: g.boundary })),
      },
    }),
    [map],
  )
  const names = Object.fromEntries(map.grids.map((g) => [g.id, g.name]))
  // On a phone's width the grids' names would run into each other: the wall shows them, the phone's tooltip does.
  const wide = typeof window !== 'undefined' && window.innerWidth >= 1280
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { componentType: string; name: string }) => {
          if (p.componentType !== 'geo') {
            const c = points.find((x) => x.number === p.name)
            return c ? `${c.number} ${c.categoryName}${c.late ? '（已超办结时限）' : ''}` : ''
          }
          const g = map.grids.find((x) => x.id === p.name)
          return g
            ? `${g.name}：${gradeLabels[g.grade]}<br/>在办 ${g.open}，超期 ${g.openOverdue}${g.reasons.length ? '<br/>' + g.reasons.join('；') : ''}`
            : ''
        },
      },
      geo: {
        map: name,
        nameProperty: 'id',
        selectedMode: false,
        label: { show: wide, color: C.text, fontSize: 12, formatter: (p: { name: string }) => names[p.name] ?? '' },
        itemStyle: { borderColor: C.border, borderWidth: 1 },
        emphasis: { label: { color: C.text }, itemStyle: { borderColor: C.text, borderWidth: 2 } },
        regions: map.grids.map((g) => ({ name: g.id, itemStyle: { areaColor: GRADE_COLOURS[g.grade] } })),
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 9,
          data: points.map((c) => ({ name: c.number, value: [c.lng, c.lat], itemStyle: { color: c.late ? GRADE_COLOURS.red : C.text } })),
        },
      ],
    }),
    [map, points, wide],
  )
  const late = points.filter((c) => c.late).length
  return (
    <EChart
      className='command-map'
      option={option}
      maps={maps}
      label={`${map.node.name}网格五色预警图，在办事件 ${points.length} 件（超办结时限 ${late} 件）`}
      onPick={onPick}
    />
  )
}

/** 30 days of cases received and resolved (a chart in the browser), and 12 months (a table in WeChat, which draws no chart). */
function TrendPanel({ trends }: { trends: Trends }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['受理', '办结'], top: 0, textStyle: { color: C.text } },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: trends.days.map((d) => d.day.slice(5)), axisLabel: { color: C.text } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: C.text } },
      series: [
        { name: '受理', type: 'bar', data: trends.days.map((d) => d.received), itemStyle: { color: C.border } },
        { name: '办结', type: 'line', data: trends.days.map((d) => d.resolved), itemStyle: { color: GRADE_COLOURS.green } },
      ],
    }),
    [trends],
  )
  const total = trends.days.reduce((n, d) => ({ received: n.received + d.received, resolved: n.resolved + d.resolved }), { received: 0, resolved: 0 })
  return (
    <Panel title='趋势'>
      <Text className='command-note'>
        近 30 天受理 {total.received} 件，办结 {total.resolved} 件
      </Text>
      <EChart className='command-trend' option={option} label={`近 30 天每日受理与办结件数：受理 ${total.received} 件，办结 ${total.resolved} 件`} />
      {process.env.TARO_ENV === 'h5'
        ? null
        : trends.months
            .filter((m) => m.received || m.resolved)
            .map((m) => (
              <View key={m.month} className='command-unit'>
                <Text className='command-unit__name'>{m.month.replace('-', ' 年 ')} 月</Text>
                <Text>受理 {m.received}</Text>
                <Text>办结 {m.resolved}</Text>
                <Text>及时率 {percent(m.resolveRate)}</Text>
              </View>
            ))}
    </Panel>
  )
}
