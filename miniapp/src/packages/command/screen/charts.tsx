/** The command centre's charts (ECharts in the browser; WeChat's build draws none): the grade map and the trend. */
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { clusterPoints, gradeLabels } from '@linli/shared'
import { EChart } from '../components/echart'
import { GRADE_COLOURS, SCREEN_COLOURS as C } from '../components/screen-palette'
import { Panel, patrolOf, percent, type GridMap, type Points, type Trends } from './panels'

/** The map's extent `[west, south, east, north]`: every grid's boundary, whatever the depth of its coordinates. */
function extentOf(map: GridMap): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return
    if (typeof c[0] !== 'number') return c.forEach(walk)
    const [lng, lat] = c as number[]
    box[0] = Math.min(box[0], lng!)
    box[1] = Math.min(box[1], lat!)
    box[2] = Math.max(box[2], lng!)
    box[3] = Math.max(box[3], lat!)
  }
  for (const g of map.grids) walk((g.boundary as { coordinates?: unknown } | undefined)?.coordinates)
  return Number.isFinite(box[0]) ? box : [0, 0, 0, 0]
}

/** The grids coloured by grade, drawn from their GeoJSON (no tiles), the open cases and the rooms on them; a tap opens the grid's card. */
export function GradeMap({ map, points, onPick }: { map: GridMap; points: Points['points']; onPick: (name: string) => void }) {
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
  // Points close together on this map are drawn as one, labelled with their number.
  const clusters = useMemo(() => clusterPoints(points, extentOf(map)), [map, points])
  // On a phone's width the grids' names would run into each other: the wall shows them, the phone's tooltip does.
  const wide = typeof window !== 'undefined' && window.innerWidth >= 1280
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { componentType: string; seriesName?: string; name: string; dataIndex: number }) => {
          if (p.seriesName === 'rooms') return `说事室：${p.name}`
          if (p.componentType !== 'geo') {
            const k = clusters[p.dataIndex]
            if (!k) return ''
            const [c] = k.points
            if (k.points.length === 1) return `${c!.number} ${c!.categoryName}${c!.late ? '（已超办结时限）' : ''}`
            const listed = k.points.slice(0, 5).map((x) => x.number)
            return `此处在办 ${k.points.length} 件${k.late ? `（超期 ${k.late} 件）` : ''}<br/>${listed.join('、')}${k.points.length > 5 ? ' 等' : ''}`
          }
          const g = map.grids.find((x) => x.id === p.name)
          return g
            ? `${g.name}：${gradeLabels[g.grade]}<br/>在办 ${g.open}，超期 ${g.openOverdue}<br/>${patrolOf(g)}${g.reasons.length ? '<br/>' + g.reasons.join('；') : ''}`
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
          data: clusters.map((k) => ({
            name: k.points.length === 1 ? k.points[0]!.number : `${k.points.length} 件`,
            value: [k.lng, k.lat],
            symbolSize: k.points.length === 1 ? 9 : Math.min(36, 14 + 4 * Math.sqrt(k.points.length)),
            itemStyle: { color: k.late ? GRADE_COLOURS.red : C.text },
            label: { show: k.points.length > 1, formatter: String(k.points.length), color: k.late ? C.text : C.ink, fontWeight: 'bold' },
          })),
        },
        {
          name: 'rooms',
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 22,
          itemStyle: { color: C.room, borderColor: C.text, borderWidth: 1 },
          data: map.rooms.map((r) => ({ name: r.name, value: [r.lng, r.lat] })),
        },
      ],
    }),
    [map, clusters, wide],
  )
  const late = points.filter((c) => c.late).length
  const patrolled = map.grids.filter((g) => g.checkinsToday > 0).length
  return (
    <EChart
      className='command-map'
      option={option}
      maps={maps}
      label={`${map.node.name}网格五色预警图，在办事件 ${points.length} 件（超办结时限 ${late} 件），今日巡查网格 ${patrolled}/${map.grids.length} 个，说事室 ${map.rooms.length} 处`}
      onPick={onPick}
    />
  )
}

/** 30 days of cases received and resolved (a chart in the browser), and 12 months (a table in WeChat, which draws no chart). */
export function TrendPanel({ trends }: { trends: Trends }) {
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
