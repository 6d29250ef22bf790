/**
 * The command centre's panels, each drawing one part of the figures it is handed: today's tiles, a grid's card, the
 * warned grids, the month's categories and hot spots, the units below, the 三率 and the month's ranking.
 */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import {
  gradeLabels,
  grades,
  rankedLevelLabels,
  type commandCategories,
  type commandMap,
  type commandOverview,
  type commandPoints,
  type commandRankings,
  type commandTrends,
  type rankedLevels,
  type RouteResponse,
} from '@linli/shared'
import { GRADE_COLOURS } from '../components/screen-palette'

export type Overview = RouteResponse<typeof commandOverview>
export type GridMap = RouteResponse<typeof commandMap>
export type Rankings = RouteResponse<typeof commandRankings>
export type Trends = RouteResponse<typeof commandTrends>
export type Kinds = RouteResponse<typeof commandCategories>
export type Points = RouteResponse<typeof commandPoints>
export type Level = (typeof rankedLevels)[number]
type Grid = GridMap['grids'][number]
type Named = { id: string; name: string }

export const percent = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`)
const signed = (n: number | undefined) => (n === undefined ? '—' : n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : '持平')

export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='command-panel'>
      <Text className='command-panel__title'>{title}</Text>
      {children}
    </View>
  )
}

function Tile({ label, value, alarm, onTap }: { label: string; value: number | string; alarm?: boolean; onTap?: () => void }) {
  return (
    <View className={`command-tile${alarm ? ' command-tile--alarm' : ''}${onTap ? ' command-tile--open' : ''}`} onClick={onTap}>
      <Text className='command-tile__value'>{value}</Text>
      <Text className='command-tile__label'>{label}</Text>
    </View>
  )
}

/** Which of the cases in hand a tap on 在办 or 超期 lists. */
export type InHand = 'open' | 'late'

/**
 * Today's cases, 在办 正常/超期, today's field work and this week's mediation, as tiles. For those who may drill into
 * the cases, 在办 and 超期 open their list (`onInHand`), shown right beneath them (`inHandList`).
 */
export function TodayPanels(props: { overview: Overview; onInHand?: (which: InHand) => void; inHandList?: ReactNode }) {
  const { overview: o, onInHand, inHandList } = props
  return (
    <>
      <Panel title='今日'>
        <View className='command-tiles'>
          <Tile label='受理' value={o.today.received} />
          <Tile label='响应' value={o.today.accepted} />
          <Tile label='派单' value={o.today.dispatched} />
          <Tile label='办结' value={o.today.resolved} />
        </View>
      </Panel>
      <Panel title='在办'>
        <View className='command-tiles'>
          <Tile label='在办' value={o.inHand.open} onTap={onInHand && (() => onInHand('open'))} />
          <Tile label='正常' value={o.inHand.open - o.inHand.openOverdue} />
          <Tile label='超期' value={o.inHand.openOverdue} alarm={o.inHand.openOverdue > 0} onTap={onInHand && (() => onInHand('late'))} />
        </View>
      </Panel>
      {inHandList}
      <Panel title='今日网格巡查'>
        <View className='command-tiles'>
          <Tile label='打卡' value={o.field.checkins} />
          <Tile label='入户走访' value={o.field.visits} />
          <Tile label='已巡网格' value={`${o.field.gridsPatrolled}/${o.field.grids}`} />
        </View>
      </Panel>
      <Panel title='本周说事（全区说事室）'>
        <View className='command-tiles'>
          <Tile label='预约' value={o.mediation.booked} />
          <Tile label='调解' value={o.mediation.held} />
          <Tile label='调解成功率' value={percent(o.mediation.agreementRate)} />
        </View>
      </Panel>
    </>
  )
}

/** How many grids are of each grade, in the grades' colours. */
export function GradeLegend({ map }: { map: GridMap }) {
  return (
    <View className='command-legend'>
      {grades.map((g) => (
        <View key={g} className='command-legend__item'>
          <View className='command-legend__swatch' style={{ background: GRADE_COLOURS[g] }} />
          <Text>
            {gradeLabels[g]} {map.grids.filter((x) => x.grade === g).length}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** Today's patrol of a grid, in words. */
export const patrolOf = (g: Grid) =>
  g.checkinsToday ? `今日打卡 ${g.checkinsToday} 次${g.visitsToday ? `，走访 ${g.visitsToday} 户` : ''}` : '今日尚无巡查打卡'

/** A grid picked on the map: its figures, who serves it, the reasons of its grade, and a way to its cases. */
export function GridCard({ grid, onOpen }: { grid: Grid; onOpen: (g: Named) => void }) {
  return (
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
      <Text className='command-card__patrol'>{patrolOf(grid)}</Text>
      <Text>{grid.reasons.length ? `原因：${grid.reasons.join('；')}` : '无预警'}</Text>
      <Text className='command-card__open' onClick={() => onOpen(grid)}>
        查看该网格事件 ›
      </Text>
    </View>
  )
}

/** The grids not green, red first, each with its reasons; a tap opens its card. */
export function WarnedPanel({ map, onPick }: { map: GridMap; onPick: (gridId: string) => void }) {
  const warned = map.grids.filter((g) => g.grade !== 'green').sort((a, b) => grades.indexOf(a.grade) - grades.indexOf(b.grade))
  return (
    <Panel title={`预警网格（${warned.length}）`}>
      {warned.length ? (
        warned.map((g) => (
          <View key={g.id} className='command-unit' onClick={() => onPick(g.id)}>
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
  )
}

/** The month's five biggest categories and its hot spots (a hot spot opens its grid's cases). */
export function KindsPanel({ kinds, onOpen }: { kinds: Kinds | undefined; onOpen: (g: Named) => void }) {
  return (
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
        <View key={`${h.gridId}-${h.categoryId}`} className='command-unit command-unit--hot' onClick={() => onOpen({ id: h.gridId, name: h.gridName })}>
          <Text className='command-alarm'>热点</Text>
          <Text className='command-unit__name'>
            {h.gridName} · {h.categoryName}
          </Text>
          <Text>{h.received} 件</Text>
        </View>
      ))}
    </Panel>
  )
}

/** The streets (or grids) below the watched node, each with its 在办 and 超期; a row opens the unit. */
export function UnitsPanel({ overview, onOpen }: { overview: Overview; onOpen: (unit: Named) => void }) {
  return (
    <Panel title={overview.node.level === 'district' ? '各街道在办' : '各网格在办'}>
      {overview.units.map((u) => (
        <View key={u.id} className='command-unit command-unit--open' onClick={() => onOpen(u)}>
          <Text className='command-unit__name'>{u.name}</Text>
          <Text>在办 {u.open}</Text>
          <Text className={u.openOverdue ? 'command-alarm' : ''}>超期 {u.openOverdue}</Text>
          <Text>本月受理 {u.receivedMonth}</Text>
        </View>
      ))}
    </Panel>
  )
}

/** The 三率 of today, the month and the year. */
export function RatesPanel({ rates }: { rates: Overview['rates'] }) {
  return (
    <Panel title='三率'>
      <View className='command-table'>
        <View className='command-table__row command-table__row--head'>
          {['', '受理', '响应率', '办结及时率', '满意率'].map((h) => (
            <Text key={h} className='command-table__cell'>
              {h}
            </Text>
          ))}
        </View>
        {(['today', 'month', 'year'] as const).map((p) => (
          <View key={p} className='command-table__row'>
            {[
              { today: '今日', month: '本月', year: '本年' }[p],
              String(rates[p].received),
              percent(rates[p].acceptRate),
              percent(rates[p].resolveRate),
              percent(rates[p].satisfactionRate),
            ].map((c, i) => (
              <Text key={i} className='command-table__cell'>
                {c}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </Panel>
  )
}

/**
 * The month's ranking of one level: the weighted composite and how it is made, 环比, and 红黑榜 — with six or more
 * units ranked, the best three and the last three.
 */
export function RankingPanel(props: { month: string; rankings: Rankings | undefined; level: Level; levels: readonly Level[]; onLevel: (l: Level) => void }) {
  const { month, rankings, level, levels, onLevel } = props
  const units = rankings?.level === level ? rankings.units : []
  const ranked = units.filter((u) => u.rank !== undefined)
  const board = (id: string) =>
    ranked.length < 6 ? undefined : ranked.slice(0, 3).some((u) => u.id === id) ? 'red' : ranked.slice(-3).some((u) => u.id === id) ? 'black' : undefined
  return (
    <Panel title={`${month.replace('-', ' 年 ')} 月排名`}>
      <View className='command-levels'>
        {levels.map((l) => (
          <Text key={l} className={`command-levels__item${l === level ? ' command-levels__item--on' : ''}`} onClick={() => onLevel(l)}>
            {rankedLevelLabels[l]}
          </Text>
        ))}
      </View>
      <Text className='command-note'>
        综合得分 = 响应率×{rankings?.weights.accept ?? 30}% + 办结及时率×{rankings?.weights.resolve ?? 35}% + 满意率×
        {rankings?.weights.satisfaction ?? 35}%；本月受理不足 {rankings?.minCases ?? 5} 件的不排名
      </Text>
      <View className='command-ranks'>
        {units.map((u) => (
          <View key={u.id} className='command-rank'>
            <Text className='command-rank__no'>{u.rank ?? '—'}</Text>
            <Text className='command-rank__name'>{u.name}</Text>
            {board(u.id) ? <Text className={`command-rank__board command-rank__board--${board(u.id)}`}>{board(u.id) === 'red' ? '红榜' : '黑榜'}</Text> : null}
            <Text className='command-rank__score'>{u.score === undefined ? '样本不足' : `${u.score} 分`}</Text>
            <Text className='command-rank__change'>环比 {signed(u.monthOnMonth)}</Text>
            <Text className='command-rank__change'>受理 {u.received}</Text>
          </View>
        ))}
      </View>
    </Panel>
  )
}

/**
 * The cases in hand a headline tile opened (the map's points: the last changed 150 of each open status), the late
 * ones first; a row opens the case.
 */
export function InHandPanel(props: { which: InHand; points: Points; onOpen: (caseId: string) => void; onClose: () => void }) {
  const { which, points, onOpen, onClose } = props
  const shown = points.points.filter((c) => which === 'open' || c.late).sort((a, b) => Number(b.late) - Number(a.late))
  return (
    <Panel title={`${which === 'late' ? '超期事件' : '在办事件'}（${shown.length}${points.capped ? '+' : ''}）`}>
      <Text className='command-note command-inhand__close' onClick={onClose}>
        收起 ›
      </Text>
      {shown.length ? (
        shown.map((c) => (
          <View key={c.id} className='command-unit command-inhand__case' onClick={() => onOpen(c.id)}>
            <Text className='command-unit__name'>{c.number}</Text>
            <Text>{c.categoryName}</Text>
            <Text className={c.late ? 'command-alarm' : ''}>{c.late ? '已超时限' : '办理中'}</Text>
          </View>
        ))
      ) : (
        <Text className='command-empty'>{which === 'late' ? '没有超期的事件' : '没有在办的事件'}</Text>
      )}
    </Panel>
  )
}
